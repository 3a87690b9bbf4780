using FsCheck;
using FsCheck.Fluent;
using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;
using TalksBot.Qdrant.Index;
using TalksBot.Qdrant.Store;
using TalksBot.Testing.Fuzz;

namespace TalksBot.Qdrant.Tests.Store;

public sealed class QdrantPayloadProperties
{
    private const string Text = "The delegations met in Riyadh.";

    private static readonly PassagePayload Valid = new(
        "talks-1", "Talks open", "https://example.org/a", new DateTimeOffset(2025, 2, 18, 9, 0, 0, TimeSpan.Zero), "A. Writer", "hash", 0,
        "Heading", Text, 10, 10 + Text.Length, PassagePayload.CurrentSchemaVersion, Convert.ToBase64String(new byte[8]), 4);

    private static readonly string[] Keys = [.. QdrantValues.FromPayload(Valid).Keys, "unknown"];

    private static readonly Gen<Value> OddValue = Gen.OneOf(
        Gen.Elements<Func<Value>>(
            () => new Value { NullValue = NullValue.NullValue }, () => new Value(), () => new Value { BoolValue = true },
            () => new Value { DoubleValue = double.NaN }, () => new Value { DoubleValue = 1.5 }, () => new Value { IntegerValue = long.MaxValue },
            () => new Value { IntegerValue = -1 }, () => new Value { IntegerValue = 0 }, () => new Value { StringValue = "" },
            () => new Value { StringValue = "not a date or base64 %%" }, () => new Value { StringValue = "2025-02-30" },
            () => new Value { StringValue = "AAAA" }, () => new Value { StructValue = new Struct() }, () => new Value { ListValue = new ListValue() })
            .Select(make => make()),
        HostileText.Any.Select(s => new Value { StringValue = s }));

    private static readonly Gen<MapField<string, Value>> Payload =
        Gen.Zip(Gen.Elements(Keys).ListOf(4), Gen.Zip(OddValue.ListOf(4), Gen.Choose(0, 2).ListOf(4))).Select(u =>
        {
            var t = (u.Item1, u.Item2.Item1, u.Item2.Item2);
            var payload = new MapField<string, Value> { QdrantValues.FromPayload(Valid) };
            for (var k = 0; k < Math.Min(t.Item1.Count, Math.Min(t.Item2.Count, t.Item3.Count)); k++)
            {
                if (t.Item3[k] == 0)
                    payload.Remove(t.Item1[k]);
                else
                    payload[t.Item1[k]] = t.Item2[k];
            }

            return payload;
        });

    [Fact]
    public void AnyStoredPayloadBecomesAPassageQuotingItsOffsetsOrAClearError()
    {
        Fuzz.Check(Payload, payload =>
        {
            try
            {
                var point = new TalksBot.Qdrant.Store.ScoredPoint(Guid.NewGuid(), 1.0, QdrantValues.ToPayload(payload));

                var retrieved = PassagePayloads.ToRetrieved(point, 0, "talks");

                Assert.NotEmpty(retrieved.Passage.ArticleId);
                Assert.Equal(retrieved.Passage.Text.Length, retrieved.Passage.End - retrieved.Passage.Start);
            }
            catch (InvalidDataException e)
            {
                Assert.Contains("re-ingest", e.Message, StringComparison.Ordinal);
            }
        });
    }
}
