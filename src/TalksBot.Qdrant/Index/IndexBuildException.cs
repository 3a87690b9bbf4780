namespace TalksBot.Qdrant.Index;

/// <summary>A build was refused or failed its checks; the alias was left as it was.</summary>
public sealed class IndexBuildException : Exception
{
    public IndexBuildException() { }

    public IndexBuildException(string message) : base(message) { }

    public IndexBuildException(string message, Exception innerException) : base(message, innerException) { }
}
