using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using TalksBot.Discord.Gateway;
using TalksBot.Testing.Fuzz;

namespace TalksBot.Discord.Tests.Gateway;

public sealed class GatewayPayloadProperties
{
    private static readonly string[] Templates =
    [
        """{"op":10,"d":{"heartbeat_interval":41250}}""",
        """{"op":0,"s":1,"t":"READY","d":{"session_id":"s","resume_gateway_url":"wss://g","user":{"id":"1","username":"bot","bot":true},"application":{"id":"2"}}}""",
        """{"op":0,"s":2,"t":"MESSAGE_CREATE","d":{"id":"3","channel_id":"4","guild_id":"5","author":{"id":"6"},"content":"<@1> hi","mentions":[{"id":"1"}],"referenced_message":{"id":"7","channel_id":"4","author":{"id":"1"}}}}""",
        """{"op":0,"s":3,"t":"INTERACTION_CREATE","d":{"id":"8","application_id":"2","token":"t","type":2,"data":{"name":"ask","type":1,"options":[{"name":"question","type":3,"value":"Who?"}],"resolved":{"messages":{"9":{"id":"9","channel_id":"4","author":{"id":"6"}}},"attachments":{"10":{"id":"10","filename":"a.md","size":1,"url":"https://cdn/a"}}}},"guild_id":"5","channel_id":"4","member":{"user":{"id":"6"},"permissions":"8","roles":["11"]}}}""",
        """{"op":0,"s":4,"t":"INTERACTION_CREATE","d":{"id":"8","application_id":"2","token":"t","type":3,"data":{"custom_id":"feedback:up:0f8fad5b-d9cb-469f-a165-70867728950e","component_type":2},"user":{"id":"6"}}}""",
        """{"op":9,"d":false}""", """{"op":11}""", """{"op":7,"d":null}""", """{"op":1,"d":null}""",
    ];

    private static readonly string[] EventTypes = ["", "MESSAGE_CREATE", "INTERACTION_CREATE", "READY", "RESUMED", "GUILD_CREATE", "UNKNOWN_EVENT", "ready"];

    private static readonly Gen<JsonNode?> OddValue = Gen.Elements<Func<JsonNode?>>(
        () => null, () => JsonValue.Create(0), () => JsonValue.Create(-1), () => JsonValue.Create(1e308), () => JsonValue.Create(""),
        () => JsonValue.Create("not a number"), () => JsonValue.Create(true), () => new JsonArray(), () => new JsonArray(JsonValue.Create(1), null),
        () => new JsonObject(), () => new JsonObject { ["id"] = null }, () => JsonValue.Create("\u0000\uFFFF<@everyone>"),
        () => JsonValue.Create(long.MaxValue), () => JsonValue.Create("18446744073709551616")).Select(make => make());

    private static readonly Gen<string> Frame = Gen.Frequency(
        (8, Gen.Zip(Gen.Zip(Gen.Elements(Templates), Gen.Elements(EventTypes)), Gen.Zip(Gen.Choose(0, int.MaxValue).ListOf(6), OddValue.ListOf(6)))
            .Select(t => Mutate(t.Item1.Item1, t.Item1.Item2, t.Item2.Item1, t.Item2.Item2))),
        (1, Gen.Elements(Templates).SelectMany(t => Gen.Choose(0, t.Length).Select(n => t[..n]))),
        (1, HostileText.Any),
        (1, Gen.Elements("null", "[]", "{}", "0", "\"\"", "{\"op\":0}", "{\"op\":0,\"t\":\"MESSAGE_CREATE\"}", "{\"op\":10}", "{\"op\":\"10\"}",
            "{\"op\":0,\"t\":\"READY\",\"d\":[]}", "{\"op\":0,\"t\":\"INTERACTION_CREATE\",\"d\":{\"type\":99}}", "{\"op\":99,\"d\":{}}",
            "{\"op\":0,\"t\":null,\"d\":{}}", "{\"op\":0,\"s\":\"x\"}", "{\"op\":1e400}", "\uFEFF{\"op\":11}", "{\"op\":11,\"op\":11}")));

    [Fact]
    public void AnyFrameIsReadOrRefusedWithAJsonExceptionAndWhatIsReadHasTheFieldsTheBotUses()
    {
        Fuzz.Check(Frame, frame =>
        {
            try
            {
                var payload = JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(frame), GatewayJsonContext.Default.GatewayPayload);
                if (payload is null)
                    return;
                Use(() => GatewayData.Hello(payload.D).HeartbeatInterval);
                Use(() => GatewayData.Ready(payload.D) is var r ? r.User.Id + r.Application.Id + r.SessionId : "");
                Use(() => GatewayData.Message(payload.D) is var m
                    ? m.Author.Id + m.ChannelId + string.Concat(m.Mentions?.Select(u => u.Id) ?? []) + m.ReferencedMessage?.Author.Id
                    : "");
                Use(() => GatewayData.Interaction(payload.D) is var i
                    ? i.Token + (i.Member?.User ?? i.User)?.Id + string.Concat(i.Member?.Roles ?? [])
                        + string.Concat(i.Data?.Resolved?.Messages?.Values.Select(m => m.Author.Id) ?? [])
                    : "");
            }
            catch (JsonException)
            {
            }
        });
    }

    private static void Use<T>(Func<T> read)
    {
        try
        {
            Assert.NotNull(read());
        }
        catch (JsonException)
        {
        }
    }

    // Replaces, removes or adds fields at random places in a valid payload: what a new API version or a bug might send.
    private static string Mutate(string template, string type, List<int> picks, List<JsonNode?> values)
    {
        var root = JsonNode.Parse(template)!.AsObject();
        if (type.Length > 0)
            root["t"] = type;
        for (var k = 0; k < picks.Count; k++)
        {
            var objects = Objects(root).ToList();
            var target = objects[picks[k] % objects.Count];
            var keys = target.Select(p => p.Key).ToList();
            var value = values.Count > 0 ? values[k % values.Count]?.DeepClone() : null;
            if (keys.Count == 0 || picks[k] % 5 == 0)
                target["unknown_" + k] = value;
            else if (picks[k] % 3 == 0)
                target.Remove(keys[picks[k] % keys.Count]);
            else
                target[keys[picks[k] % keys.Count]] = value;
        }

        return root.ToJsonString();
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.Select(p => p.Value).SelectMany(Objects)),
        JsonArray a => a.SelectMany(Objects),
        _ => [],
    };
}
