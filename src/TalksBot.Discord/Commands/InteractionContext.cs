using System.Globalization;
using System.Text.Json;
using TalksBot.Discord.Gateway;
using TalksBot.Discord.Replies;
using TalksBot.Discord.Rest;

namespace TalksBot.Discord.Commands;

/// <summary>An interaction being handled: who sent it, where, with what options, and the ways to answer it.</summary>
public sealed class InteractionContext
{
    private const int ChannelMessageWithSource = 4;
    private const int DeferredChannelMessage = 5;
    private const int Ephemeral = 64;
    private const int SubcommandOption = 1;

    // Discord's ADMINISTRATOR bit grants every permission.
    private const ulong Administrator = 8;

    private readonly InteractionData _interaction;
    private readonly DiscordApi _api;
    private int _responded;

    private readonly IReadOnlyCollection<ulong> _moderatorRoleIds;
    private readonly AttachmentDownloader? _attachments;

    internal InteractionContext(InteractionData interaction, DiscordApi api, IReadOnlyCollection<ulong>? moderatorRoleIds = null,
        AttachmentDownloader? attachments = null)
    {
        _interaction = interaction;
        _api = api;
        _attachments = attachments;
        var user = interaction.Member?.User ?? interaction.User;
        UserId = user is null ? 0 : ulong.Parse(user.Id, CultureInfo.InvariantCulture);
        GuildId = ParseId(interaction.GuildId);
        ChannelId = ParseId(interaction.ChannelId);
        MemberPermissions = ulong.TryParse(interaction.Member?.Permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var permissions) ? permissions : 0;
        MemberRoleIds = [.. (interaction.Member?.Roles ?? []).Select(id => ulong.Parse(id, CultureInfo.InvariantCulture))];
        _moderatorRoleIds = moderatorRoleIds ?? [];
    }

    public ulong UserId { get; }

    /// <summary>Null in a DM.</summary>
    public ulong? GuildId { get; }

    public ulong? ChannelId { get; }

    /// <summary>The member's permission bitfield in this channel; 0 in DMs.</summary>
    public ulong MemberPermissions { get; }

    /// <summary>The member's role ids in this guild; empty in DMs.</summary>
    public IReadOnlyList<ulong> MemberRoleIds { get; }

    /// <summary>True when the member has one of the roles configured in <c>Discord:ModeratorRoleIds</c>; always false in DMs.</summary>
    public bool HasModeratorRole => GuildId is not null && MemberRoleIds.Any(_moderatorRoleIds.Contains);

    internal string? RawChannelId => _interaction.ChannelId;

    /// <summary>True when the member has every bit of <paramref name="required"/>, or is an administrator. Always false in DMs.</summary>
    public bool HasPermissions(ulong required) =>
        GuildId is not null && ((MemberPermissions & Administrator) != 0 || (MemberPermissions & required) == required);

    /// <summary>The subcommand chosen, e.g. <c>add</c> for <c>/articles add</c>; null for a command without subcommands.</summary>
    public string? Subcommand => _interaction.Data?.Options?.FirstOrDefault(o => o.Type == SubcommandOption)?.Name;

    /// <summary>A string (or any scalar) option's value as text, or null when it was not given; looks inside the subcommand too.</summary>
    public string? GetOption(string name)
    {
        var top = _interaction.Data?.Options ?? [];
        var option = top.Concat(top.Where(o => o.Type == SubcommandOption).SelectMany(o => o.Options ?? []))
            .FirstOrDefault(o => o.Name == name && o.Type != SubcommandOption);
        return option?.Value is not { } value ? null
            : value.ValueKind == JsonValueKind.String ? value.GetString()
            : value.GetRawText();
    }

    /// <summary>The file given in an attachment option, or null when none was; Discord sends its details in <c>resolved</c>.</summary>
    public InteractionAttachment? GetAttachment(string name) =>
        GetOption(name) is { } id
        && _interaction.Data?.Resolved?.Attachments?.TryGetValue(id, out var file) == true
        && Uri.TryCreate(file.Url, UriKind.Absolute, out var url)
            ? new InteractionAttachment(file.Filename, file.Size, file.ContentType, url)
            : null;

    /// <summary>Fetches an attachment's content from Discord's file server, refusing more than <paramref name="maxBytes"/>.</summary>
    /// <exception cref="AttachmentDownloadException">Too large, or the file server failed; the message can be shown as is.</exception>
    public Task<byte[]> DownloadAsync(InteractionAttachment attachment, long maxBytes, CancellationToken cancellationToken) =>
        (_attachments ?? throw new InvalidOperationException("This interaction was built without an attachment downloader."))
            .DownloadAsync(attachment, maxBytes, cancellationToken);

    /// <summary>For a message context menu command: the selected message's text (resolved by Discord).</summary>
    public string? TargetMessageContent =>
        _interaction.Data is { TargetId: { } target, Resolved.Messages: { } messages } && messages.TryGetValue(target, out var message)
            ? message.Content
            : null;

    /// <summary>Acknowledges now and answers later (type 5); does nothing if already acknowledged.</summary>
    public async Task DeferAsync(bool ephemeral, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _responded, 1) == 1)
        {
            return;
        }

        await _api.CreateInteractionResponseAsync(_interaction.Id, _interaction.Token,
            new InteractionResponse(DeferredChannelMessage, ephemeral ? new MessagePayload(Flags: Ephemeral) : null), cancellationToken);
    }

    /// <summary>Answers with a message: the first response if none was sent yet, otherwise a follow-up.</summary>
    public async Task RespondAsync(string content, bool ephemeral, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(content);
        if (Interlocked.Exchange(ref _responded, 1) == 1)
        {
            await FollowUpAsync(content, ephemeral, cancellationToken);
            return;
        }

        var parts = ReplyFormatter.Split(content);
        await _api.CreateInteractionResponseAsync(_interaction.Id, _interaction.Token,
            new InteractionResponse(ChannelMessageWithSource, new MessagePayload(parts[0], AllowedMentions.None, Flags: ephemeral ? Ephemeral : null)),
            cancellationToken);
        foreach (var part in parts.Skip(1))
        {
            await FollowUpAsync(new OutgoingMessage(part), ephemeral, cancellationToken);
        }
    }

    /// <summary>Replaces the deferred "thinking…" message; text over 2000 characters continues in follow-ups.</summary>
    public Task EditOriginalAsync(string content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(content);
        return SendAsync([.. ReplyFormatter.Split(content).Select(part => new OutgoingMessage(part))], cancellationToken);
    }

    /// <summary>Posts another message under the interaction; ephemeral ones are seen only by the user.</summary>
    public async Task FollowUpAsync(string content, bool ephemeral, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(content);
        foreach (var part in ReplyFormatter.Split(content))
        {
            await FollowUpAsync(new OutgoingMessage(part), ephemeral, cancellationToken);
        }
    }

    /// <summary>The first message edits the original response, the rest follow up.</summary>
    internal async Task SendAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        await _api.EditOriginalResponseAsync(_interaction.ApplicationId, _interaction.Token, messages[0].ToPayload(), cancellationToken);
        foreach (var message in messages.Skip(1))
        {
            await FollowUpAsync(message, ephemeral: false, cancellationToken);
        }
    }

    private Task FollowUpAsync(OutgoingMessage message, bool ephemeral, CancellationToken cancellationToken) =>
        _api.CreateFollowUpAsync(_interaction.ApplicationId, _interaction.Token,
            message.ToPayload() with { Flags = ephemeral ? Ephemeral : null }, cancellationToken);

    private static ulong? ParseId(string? id) =>
        id is null ? null : ulong.Parse(id, CultureInfo.InvariantCulture);
}
