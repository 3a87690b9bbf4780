namespace TalksBot.Core.Evaluation;

/// <summary>Of answerable items, how many had a passage from an expected source in the top <paramref name="K"/>.</summary>
public sealed record RecallAtK(int K, Rate Rate);
