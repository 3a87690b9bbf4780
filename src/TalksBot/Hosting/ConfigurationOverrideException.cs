namespace TalksBot.Hosting;

/// <summary>A malformed <c>--config</c> value; the message says the expected form.</summary>
internal sealed class ConfigurationOverrideException(string message) : Exception(message);
