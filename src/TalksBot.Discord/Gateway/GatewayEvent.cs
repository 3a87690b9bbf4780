using System.Text.Json;

namespace TalksBot.Discord.Gateway;

/// <summary>A dispatch (op 0) handed from the receive loop to the workers.</summary>
internal sealed record GatewayEvent(string Type, JsonElement Data);
