namespace TalksBot.Core.Retrieval;

/// <summary>
/// The article index could not be reached (the search server is down, restarting or too slow). A passing condition, not
/// a bad question: the asker is told to try again in a moment, and the next question tries the index afresh.
/// </summary>
public sealed class IndexUnavailableException : Exception
{
    /// <summary>Creates the exception with the plain message.</summary>
    public IndexUnavailableException()
        : this("The article index is temporarily unavailable.")
    {
    }

    /// <summary>Creates the exception with a message saying why.</summary>
    public IndexUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message saying why and the failure behind it.</summary>
    public IndexUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
