namespace TalksBot.Core.Evaluation;

/// <summary>What is wrong with one line of a suite file.</summary>
/// <param name="Line">1-based line number; 0 for a problem with the file as a whole.</param>
/// <param name="Message">What to fix, e.g. <c>missing field "sources"</c>.</param>
public sealed record QaSuiteLineError(int Line, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => Line > 0 ? $"line {Line}: {Message}" : Message;
}
