using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntakeBot.Dialogs.Conversation;

/// <summary>The one JSON form of <see cref="IntakeState"/> and side effects, used to save them.</summary>
public static class IntakeStateSerializer
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(IntakeState state) => JsonSerializer.Serialize(state, Options);

    public static IntakeState Deserialize(string json) =>
        JsonSerializer.Deserialize<IntakeState>(json, Options) ?? throw new JsonException("Empty intake state.");
}
