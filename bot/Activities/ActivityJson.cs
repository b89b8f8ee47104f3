using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntakeBot.Bot.Activities;

/// <summary>The JSON form of the Bot Framework schema: camelCase, nulls left out, ISO timestamps.</summary>
public static class ActivityJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Japanese stays readable in stored JSON and logs of the wire; HTML-escaping is the page's job.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(Activity activity) => JsonSerializer.Serialize(activity, Options);

    public static Activity Deserialize(string json) =>
        JsonSerializer.Deserialize<Activity>(json, Options) ?? throw new JsonException("Empty activity.");

    /// <summary>The same JSON as <see cref="Serialize"/>, as UTF-8 bytes (to encrypt without a string in between).</summary>
    public static byte[] SerializeToUtf8(Activity activity) => JsonSerializer.SerializeToUtf8Bytes(activity, Options);

    public static Activity Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<Activity>(utf8Json, Options) ?? throw new JsonException("Empty activity.");
}
