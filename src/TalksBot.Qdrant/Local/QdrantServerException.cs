namespace TalksBot.Qdrant.Local;

/// <summary>The managed local Qdrant could not be started: the message says what to fix.</summary>
public sealed class QdrantServerException : Exception
{
    public QdrantServerException() { }

    public QdrantServerException(string message) : base(message) { }

    public QdrantServerException(string message, Exception innerException) : base(message, innerException) { }
}
