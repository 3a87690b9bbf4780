namespace TalksBot.Discord.Limits;

/// <summary>What a question gets when every queue is full: an answer now, rather than none or one much later.</summary>
internal static class BusyReply
{
    public const string Text = "I'm busy right now, please ask again in a minute.";
}
