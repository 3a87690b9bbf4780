namespace TalksBot.Cli;

/// <summary>Process exit codes, documented in the README.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Configuration = 2;
    /// <summary>Some article files were skipped; the rest were indexed.</summary>
    public const int PartialSuccess = 3;
    /// <summary>eval: accuracy below --min-accuracy.</summary>
    public const int BelowThreshold = 4;
    /// <summary>refresh, rollback: another refresh is running (here or in another process); the message says how far it is.</summary>
    public const int AlreadyRunning = 5;
    public const int Cancelled = 130;
}
