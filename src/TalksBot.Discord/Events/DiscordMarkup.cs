using System.Text.RegularExpressions;

namespace TalksBot.Discord.Events;

/// <summary>Discord's markup inside a message that is addressed to people, not part of the question.</summary>
internal static partial class DiscordMarkup
{
    /// <summary>
    /// The question without user, role and channel mentions, @everyone/@here and custom emoji ("&lt;@123&gt;",
    /// "&lt;@&amp;456&gt;", "&lt;#789&gt;", "&lt;:party:42&gt;"): they are words the articles never hold, and left in they pull
    /// retrieval off the question and into the answer.
    /// </summary>
    public static string WithoutMentions(string text) =>
        Whitespace().Replace(Mentions().Replace(text, " "), " ").Trim();

    [GeneratedRegex(@"<@[!&]?\d+>|<#\d+>|<a?:\w+:\d+>|@everyone\b|@here\b")]
    private static partial Regex Mentions();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Whitespace();
}
