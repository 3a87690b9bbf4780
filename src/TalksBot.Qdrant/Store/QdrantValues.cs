using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;

namespace TalksBot.Qdrant.Store;

/// <summary>
/// Converts between JSON and Qdrant's gRPC <see cref="Value"/>, for payloads and collection metadata. Going through our
/// System.Text.Json contracts keeps the stored documents exactly what the REST client wrote (snake_case keys, ISO dates,
/// nulls kept where the payload record says so), so indexes built before the switch stay readable and vice versa.
/// </summary>
internal static class QdrantValues
{
    public static Dictionary<string, Value> FromPayload(PassagePayload payload) =>
        FromObject(JsonSerializer.SerializeToElement(payload, PayloadJsonContext.Default.PassagePayload));

    /// <summary>
    /// The passage payload of a point; null for a point without one. Read field by field rather than through JSON: it runs
    /// for every search candidate, and the JSON round trip cost about 0.1 ms per point.
    /// </summary>
    public static PassagePayload? ToPayload(MapField<string, Value> payload)
    {
        if (payload.Count == 0)
        {
            return null;
        }

        // The keys are PassagePayload's properties in snake_case, as PayloadJsonContext writes them.
        return new PassagePayload(
            String(payload, "article_id") ?? "",
            String(payload, "article_title") ?? "",
            String(payload, "article_url"),
            Date(payload, "article_published"),
            String(payload, "article_author"),
            String(payload, "article_hash") ?? "",
            Integer(payload, "passage_ordinal"),
            String(payload, "heading"),
            String(payload, "text") ?? "",
            Integer(payload, "start"),
            Integer(payload, "end"),
            Integer(payload, "schema_version"),
            String(payload, "sentence_vectors"),
            Integer(payload, "sentence_vector_dimensions"));
    }

    // A field of the wrong kind, an unreadable date or an int out of range threw FormatException or OverflowException
    // (or was read as missing) far from the point; say which point field is wrong instead. Absent and null read as missing.
    private static string? String(MapField<string, Value> payload, string key) =>
        Field(payload, key, Value.KindOneofCase.StringValue)?.StringValue;

    private static int Integer(MapField<string, Value> payload, string key) =>
        Field(payload, key, Value.KindOneofCase.IntegerValue) is not { } value ? 0
        : value.IntegerValue is >= int.MinValue and <= int.MaxValue ? (int)value.IntegerValue
        : throw new InvalidDataException($"The point's payload field '{key}' is {value.IntegerValue}, outside the range of an int; re-ingest the articles.");

    private static DateTimeOffset? Date(MapField<string, Value> payload, string key) =>
        String(payload, key) is not { } text ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date) ? date
        : throw new InvalidDataException($"The point's payload field '{key}' is '{text}', not a date; re-ingest the articles.");

    private static Value? Field(MapField<string, Value> payload, string key, Value.KindOneofCase kind) =>
        !payload.TryGetValue(key, out var value) || value.KindCase is Value.KindOneofCase.NullValue or Value.KindOneofCase.None ? null
        : value.KindCase == kind ? value
        : throw new InvalidDataException($"The point's payload field '{key}' is a {value.KindCase}, not a {kind}; re-ingest the articles.");

    public static Dictionary<string, Value> FromObject(IEnumerable<KeyValuePair<string, JsonElement>> fields) =>
        fields.ToDictionary(f => f.Key, f => FromJson(f.Value), StringComparer.Ordinal);

    public static Dictionary<string, Value> FromObject(JsonElement element) =>
        element.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value), StringComparer.Ordinal);

    public static Dictionary<string, JsonElement> ToJsonFields(IEnumerable<KeyValuePair<string, Value>> fields) =>
        fields.ToDictionary(f => f.Key, f => ToJson(f.Value), StringComparer.Ordinal);

    public static JsonElement ToJson(Value value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    public static Value FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => new Value { StringValue = element.GetString()! },
        // Integers stay integers (Qdrant's integer payload index and our int fields); anything else is a double.
        JsonValueKind.Number when element.TryGetInt64(out var integer) => new Value { IntegerValue = integer },
        JsonValueKind.Number => new Value { DoubleValue = element.GetDouble() },
        JsonValueKind.True => new Value { BoolValue = true },
        JsonValueKind.False => new Value { BoolValue = false },
        JsonValueKind.Object => new Value { StructValue = new Struct { Fields = { FromObject(element) } } },
        JsonValueKind.Array => new Value { ListValue = new ListValue { Values = { element.EnumerateArray().Select(FromJson) } } },
        _ => new Value { NullValue = NullValue.NullValue },
    };

    private static void WriteObject(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, Value>> fields)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in fields)
        {
            writer.WritePropertyName(name);
            Write(writer, value);
        }

        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, Value value)
    {
        switch (value.KindCase)
        {
            case Value.KindOneofCase.StringValue:
                writer.WriteStringValue(value.StringValue);
                break;
            case Value.KindOneofCase.IntegerValue:
                writer.WriteNumberValue(value.IntegerValue);
                break;
            case Value.KindOneofCase.DoubleValue:
                writer.WriteNumberValue(value.DoubleValue);
                break;
            case Value.KindOneofCase.BoolValue:
                writer.WriteBooleanValue(value.BoolValue);
                break;
            case Value.KindOneofCase.StructValue:
                WriteObject(writer, value.StructValue.Fields);
                break;
            case Value.KindOneofCase.ListValue:
                writer.WriteStartArray();
                foreach (var item in value.ListValue.Values)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
