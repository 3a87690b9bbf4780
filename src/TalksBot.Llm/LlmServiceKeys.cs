namespace TalksBot.Llm;

/// <summary>Keys of the keyed services <see cref="LlmHostingExtensions.AddLlm"/> reads and writes.</summary>
public static class LlmServiceKeys
{
    /// <summary>
    /// The <see cref="Core.Answering.IAnswerer"/> the generative answerer falls back to (the extractive one);
    /// the executable registers it under this key.
    /// </summary>
    public const string FallbackAnswerer = "extractive";
}
