namespace TalksBot.Core.Analytics;

/// <summary>Where a question came from.</summary>
public enum AskChannel
{
    /// <summary>The command line (<c>talksbot ask</c>, <c>chat</c>).</summary>
    Console,
    /// <summary>A Discord slash command or message context command.</summary>
    Command,
    /// <summary>A Discord message that mentions the bot, or a follow-up in its thread.</summary>
    Mention,
    /// <summary>A Discord direct message.</summary>
    DirectMessage,
}
