namespace TalksBot.Discord.Gateway;

/// <summary>What a Resume needs: kept from READY, with the last sequence number seen.</summary>
internal sealed record GatewaySession(string SessionId, string ResumeGatewayUrl, long? Sequence);
