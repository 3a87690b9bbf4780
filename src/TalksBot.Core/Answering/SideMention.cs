namespace TalksBot.Core.Answering;

/// <summary>Where a text names a side ("Moscow" → Russia).</summary>
internal readonly record struct SideMention(string Side, int Start, int End);
