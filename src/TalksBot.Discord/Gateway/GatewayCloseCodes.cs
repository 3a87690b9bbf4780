namespace TalksBot.Discord.Gateway;

/// <summary>What each gateway close code asks of us (discord-api-docs docs/topics/opcodes-and-status-codes.md).</summary>
internal static class GatewayCloseCodes
{
    public const string TokenFix = "Copy a fresh token from the Developer Portal (your application → Bot → Reset Token) into Discord:Token, e.g. the environment variable Discord__Token or a user secret.";

    public static ConnectionEndKind Classify(int? closeCode) => closeCode switch
    {
        4004 or 4010 or 4011 or 4012 or 4013 or 4014 => ConnectionEndKind.Fatal,
        // Unknown opcode, not authenticated, already authenticated, invalid seq, session timed out: the session is gone.
        4001 or 4003 or 4005 or 4007 or 4009 => ConnectionEndKind.Identify,
        // 1000/1001 from the server end the session too.
        1000 or 1001 => ConnectionEndKind.Identify,
        // 4000 unknown error, 4002 decode error, 4008 rate limited, abrupt drops and anything else: resume.
        _ => ConnectionEndKind.Resume,
    };

    /// <summary>Plain words for the operator: what happened and which setting or portal switch fixes it.</summary>
    public static string Explain(int closeCode) => closeCode switch
    {
        4004 => "Discord rejected the bot token (close 4004, authentication failed). " + TokenFix,
        4010 => "Discord rejected the shard settings (close 4010, invalid shard). Discord:ShardId must be between 0 and Discord:ShardCount - 1.",
        4011 => "Discord requires sharding for this bot (close 4011): it is in too many servers for one connection. Set Discord:ShardCount (e.g. to the 'shards' value Discord recommends) and run one process per Discord:ShardId.",
        4012 => "Discord rejected the gateway API version (close 4012). This client speaks v10; make sure Discord:ApiBaseUrl ends in /api/v10.",
        4013 => "Discord rejected the gateway intents as invalid (close 4013). This is a bug in TalksBot's intents value; please report it.",
        4014 => "Discord refused a privileged intent (close 4014, disallowed intents). In the Discord Developer Portal open your application → Bot → Privileged Gateway Intents and switch on 'Message Content Intent' (needed because Discord:AutoReplyChannelIds is set), or remove Discord:AutoReplyChannelIds.",
        _ => $"Discord closed the gateway with code {closeCode}.",
    };
}
