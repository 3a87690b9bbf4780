namespace TalksBot.Core.Evaluation;

/// <summary>A suite file that cannot be run; the message lists every bad line so they can all be fixed in one pass.</summary>
public sealed class QaSuiteException : Exception
{
    /// <summary>Creates the exception listing every problem found in the suite.</summary>
    /// <param name="suiteName">The suite, named in the message.</param>
    /// <param name="errors">Every problem found, in line order.</param>
    public QaSuiteException(string suiteName, IReadOnlyList<QaSuiteLineError> errors)
        : base(Describe(suiteName, errors))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception with a message saying what to fix.</summary>
    public QaSuiteException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Creates the exception wrapping the underlying error.</summary>
    public QaSuiteException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Required by the exception pattern; prefer a message that says what to fix.</summary>
    public QaSuiteException()
    {
        Errors = [];
    }

    /// <summary>Every problem found, in line order; empty when the exception was created from a message alone.</summary>
    public IReadOnlyList<QaSuiteLineError> Errors { get; }

    private static string Describe(string suiteName, IReadOnlyList<QaSuiteLineError> errors) =>
        $"Q&A suite \"{suiteName}\" has {errors.Count} problem(s); nothing was asked. Fix:{Environment.NewLine}"
        + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
