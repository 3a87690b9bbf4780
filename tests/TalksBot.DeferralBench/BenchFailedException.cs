namespace TalksBot.DeferralBench;

/// <summary>The bench could not measure: the bot did not start, answer, or acknowledge; the message says which.</summary>
internal sealed class BenchFailedException(string message) : Exception(message);
