using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Understanding;
using OpenAI.Chat;

namespace IntakeBot.Bot.LanguageModel;

/// <summary>
/// Use a: the model reads the intake facts of a first long message in which the rules found
/// little. Its JSON is checked field by field against the questions' own value lists and parsers
/// (<see cref="StoryFields"/>); the facts that pass go to the core, which shows them in the same
/// confirmation as the rules' facts and stores nothing before 「はい」.
/// </summary>
public sealed partial class StoryExtraction(LanguageModelGateway gateway, IntakeConversation conversation, ILogger<StoryExtraction> logger)
{
    private readonly IReadOnlyList<StoryField> _fields = StoryFields.For(conversation.Catalog);

    /// <summary>
    /// The story this turn reads, if the model should read it too: at least
    /// <paramref name="minLength"/> characters, fewer than two facts found by the rules, and the
    /// person's first long message (so only that one message is ever sent for this use).
    /// </summary>
    public static StoryReading? Candidate(IntakeState saved, TurnResult probe, int minLength) =>
        probe.StoryRead is { } story
        && story.Text.Trim().Length >= minLength
        && story.RuleFacts < 2
        && !saved.Transcript.Any(t => t.FromUser && t.Text.Trim().Length >= minLength && t.Text != story.Text)
            ? story
            : null;

    public async Task<StoryFacts?> ReadAsync(string text, DateOnly today, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var result = await gateway.AskAsync(
            new ModelRequest(ModelUse.Story, Task(today), text, timeout, MaxTokens: 800, ResponseFormat: Schema()),
            cancellationToken);
        if (!result.Succeeded)
        {
            return null;
        }

        JsonNode? answer;
        try
        {
            answer = JsonNode.Parse(result.Content!);
        }
        catch (JsonException)
        {
            LogRejected(logger, "not JSON", 0);
            return null;
        }

        // Placeholders go back into the values before they are checked (an address the model
        // copied as [ADDRESS_1] is checked as the address it stands for).
        using var restored = JsonDocument.Parse(Restore(answer, result)?.ToJsonString() ?? "null");
        var facts = StoryFields.Read(restored.RootElement, conversation.Catalog, today, out var rejected);
        LogRead(logger, facts.Steps.Count, rejected);
        return facts.IsEmpty ? null : facts;
    }

    private static JsonNode? Restore(JsonNode? node, ModelResult result) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Restore(p.Value, result)))),
        JsonArray a => new JsonArray([.. a.Select(v => Restore(v, result))]),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(result.Restore(v.GetValue<string>())),
        _ => node?.DeepClone(),
    };

    private string Task(DateOnly today)
    {
        var task = new StringBuilder();
        task.AppendLine("Read the intake facts that the DATA (a message in Japanese) states clearly about the person who needs support (本人) and about the writer.");
        task.AppendLine("Answer with one JSON object with exactly the keys below. Use null (or [] for a list) for anything the text does not state clearly: never guess, never infer from stereotypes.");
        task.AppendLine("Use only the listed values, copied character for character.");
        task.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Today is {today:yyyy-MM-dd} (Japan). Write dates as YYYY-MM-DD, resolving relative dates (来月10日) from today."));
        foreach (var field in _fields)
        {
            var values = field.Kind switch
            {
                StoryFieldKind.Choice => "one of " + string.Join(" / ", field.Values.Select(v => $"\"{v}\"")),
                StoryFieldKind.Choices => "a list of " + string.Join(" / ", field.Values.Select(v => $"\"{v}\"")),
                StoryFieldKind.Age => "an integer (years)",
                StoryFieldKind.Date => "a date YYYY-MM-DD",
                StoryFieldKind.Area => "都道府県 and 市区町村 as written, e.g. \"神奈川県横浜市\"",
                _ => "null",
            };
            task.AppendLine($"- {field.Name}: {field.Meaning}. {values}, or null.");
        }

        return task.ToString();
    }

    /// <summary>Structured output: the same fields and value lists as a strict JSON schema.</summary>
    private ChatResponseFormat Schema()
    {
        var properties = new JsonObject();
        foreach (var field in _fields)
        {
            properties[field.Name] = field.Kind switch
            {
                StoryFieldKind.Choice => new JsonObject
                {
                    ["type"] = new JsonArray("string", "null"),
                    ["enum"] = new JsonArray([.. field.Values.Select(v => (JsonNode?)JsonValue.Create(v)), null]),
                },
                StoryFieldKind.Choices => new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. field.Values.Select(v => (JsonNode?)JsonValue.Create(v))]) },
                },
                StoryFieldKind.Age => new JsonObject { ["type"] = new JsonArray("integer", "null") },
                _ => new JsonObject { ["type"] = new JsonArray("string", "null") },
            };
        }

        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray([.. _fields.Select(f => (JsonNode?)JsonValue.Create(f.Name))]),
            ["additionalProperties"] = false,
        };
        return ChatResponseFormat.CreateJsonSchemaFormat("story_facts", BinaryData.FromString(schema.ToJsonString()), jsonSchemaIsStrict: true);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Language model story: {Facts} facts passed the checks, {Rejected} dropped")]
    private static partial void LogRead(ILogger logger, int facts, int rejected);

    [LoggerMessage(Level = LogLevel.Information, Message = "Language model story: answer dropped ({Reason}, {Count})")]
    private static partial void LogRejected(ILogger logger, string reason, int count);
}
