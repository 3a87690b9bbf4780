namespace TalksBot.Core.Answering.Ranking;

/// <summary>The ranker's weights file cannot be used; the message names the file and what is wrong with it.</summary>
#pragma warning disable CA1032 // Always built from a path and a problem: the standard constructors would make a message without the file.
internal sealed class RankerModelException : Exception
#pragma warning restore CA1032
{
    /// <summary>Creates the error for <paramref name="path"/>.</summary>
    public RankerModelException(string path, string problem, Exception? inner = null)
        : base($"The answer ranker's weights file '{path}' cannot be used: {problem}. Set Answering:WeightsPath to a file written by `talksbot fit`.", inner)
    {
        Path = path;
    }

    /// <summary>The weights file.</summary>
    public string Path { get; }
}
