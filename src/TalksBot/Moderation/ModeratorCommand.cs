using Microsoft.Extensions.Logging;
using TalksBot.Discord.Commands;

namespace TalksBot.Moderation;

/// <summary>
/// A moderator slash command: hidden from members without Manage Server, guild only, checked again here (Manage Server or a
/// role in <c>Discord:ModeratorRoleIds</c>), and answered with one private message.
/// </summary>
internal abstract partial class ModeratorCommand(ILogger logger) : IBotCommand
{
    /// <summary>Manage Server (MANAGE_GUILD, 1 &lt;&lt; 5): Discord hides the commands from members without it.</summary>
    public const string Permission = "32";

    public const string Refusal = "Sorry, this command is only for the server's moderators (it needs the Manage Server permission or a moderator role).";

    private const ulong ManageGuild = 32;

    // Discord allows 2000 characters per message.
    private const int MessageLimit = 2000;
    private const string CutNote = "\n… (cut to fit one message; `talksbot` on the command line shows everything)";

    public abstract ApplicationCommandDefinition Definition { get; }

    protected ILogger Logger { get; } = logger;

    public bool Ephemeral => true;

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        // default_member_permissions only hides a command: server owners can override it per role or channel.
        if (!context.HasPermissions(ManageGuild) && !context.HasModeratorRole)
        {
            await context.EditOriginalAsync(Refusal, cancellationToken);
            return;
        }

        LogModeratorCommand(Logger, context.UserId, Definition.Name, context.Subcommand ?? "");
        var reply = await ReplyToAsync(context, cancellationToken);
        await context.EditOriginalAsync(Fit(reply), cancellationToken);
    }

    /// <summary>
    /// Cuts <paramref name="text"/> to one message: the shared splitter would post the rest as public follow-ups, and
    /// moderator replies must stay private.
    /// </summary>
    public static string Fit(string text)
    {
        if (text.Length <= MessageLimit)
            return text;
        var room = MessageLimit - CutNote.Length;
        var cut = text.LastIndexOf('\n', room - 1);
        return text[..(cut > 0 ? cut : room)] + CutNote;
    }

    /// <summary>The private reply, once the member is known to be a moderator; it may edit the deferral meanwhile.</summary>
    protected abstract Task<string> ReplyToAsync(InteractionContext context, CancellationToken cancellationToken);

    /// <summary>Guild only (context 0): a DM carries no member permissions to check.</summary>
    protected static ApplicationCommandDefinition Define(string name, string description, params IReadOnlyList<ApplicationCommandOption> options) =>
        new(name, description, Options: options, DefaultMemberPermissions: Permission, Contexts: [0]);

    [LoggerMessage(5201, LogLevel.Information, "Moderator {UserId} ran /{Command} {Subcommand}")]
    private static partial void LogModeratorCommand(ILogger logger, ulong userId, string command, string subcommand);
}
