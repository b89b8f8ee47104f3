using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace IntakeBot.Dialogs.Conversation;

/// <summary>The one JSON form of <see cref="IntakeState"/> and side effects, used to save them.</summary>
public static class IntakeStateSerializer
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Japanese as itself, not as \uXXXX: a third smaller and faster to write, and a search
        // of the JSON for a word finds it. HTML-sensitive characters are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Serialize(IntakeState state) => JsonSerializer.Serialize(state, Options);

    public static IntakeState Deserialize(string json) =>
        JsonSerializer.Deserialize<IntakeState>(json, Options) ?? throw new JsonException("Empty intake state.");

    /// <summary>The same JSON as <see cref="Serialize"/>, as UTF-8 bytes (for a host that encrypts or stores bytes).</summary>
    public static byte[] SerializeToUtf8(IntakeState state) => JsonSerializer.SerializeToUtf8Bytes(state, Options);

    /// <summary>Reads the UTF-8 form of <see cref="SerializeToUtf8"/>.</summary>
    public static IntakeState Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<IntakeState>(utf8Json, Options) ?? throw new JsonException("Empty intake state.");
}
