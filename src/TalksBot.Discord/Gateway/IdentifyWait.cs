namespace TalksBot.Discord.Gateway;

/// <summary>How long to hold an Identify back, and which of Discord's limits asks for it.</summary>
internal sealed record IdentifyWait(TimeSpan Delay, IdentifyWaitReason Reason);
