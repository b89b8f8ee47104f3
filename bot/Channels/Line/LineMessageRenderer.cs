using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using IntakeBot.Bot.Activities;

namespace IntakeBot.Bot.Channels.Line;

/// <summary>
/// The bot's stored activities as Messaging API message objects: text messages within LINE's
/// 5000 characters, the review of every answer as numbered text, and the buttons of the last
/// message as its quick reply (at most 13 items; more are named in the text so they can be typed).
/// </summary>
public static class LineMessageRenderer
{
    public const int MaxTextLength = 5000;

    public const int MaxQuickReplyItems = 13;

    /// <summary>At most this many message objects per reply or push call.</summary>
    public const int MaxMessagesPerCall = 5;

    /// <summary>
    /// The first line of a pushed turn: the phone's notification shows it, and the message
    /// itself may hold personal details that a lock screen must not.
    /// </summary>
    public const string NotificationLine = "センターからのお知らせです";

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static List<JsonObject> Render(IReadOnlyList<Activity> activities)
    {
        var messages = new List<JsonObject>();
        foreach (var activity in activities.Where(a => a.Type == ActivityTypes.Message))
        {
            if (!string.IsNullOrWhiteSpace(activity.Text))
            {
                messages.AddRange(Split(activity.Text).Select(TextMessage));
            }

            foreach (var attachment in activity.Attachments ?? [])
            {
                if (Review(attachment) is { } review)
                {
                    messages.AddRange(Split(review).Select(TextMessage));
                }
            }
        }

        var actions = activities.LastOrDefault(a => a.Type == ActivityTypes.Message)?.SuggestedActions?.Actions ?? [];
        if (messages.Count > 0 && actions.Count > 0)
        {
            AttachQuickReply(messages, actions);
        }

        return messages;
    }

    public static JsonObject TextMessage(string text) => new() { ["type"] = "text", ["text"] = text };

    /// <summary>Message objects <paramref name="start"/> on, in calls of at most five.</summary>
    public static IEnumerable<List<JsonObject>> Calls(IReadOnlyList<JsonObject> messages, int start)
    {
        for (var i = start; i < messages.Count; i += MaxMessagesPerCall)
        {
            yield return [.. messages.Skip(i).Take(MaxMessagesPerCall)];
        }
    }

    private static void AttachQuickReply(List<JsonObject> messages, IReadOnlyList<CardAction> actions)
    {
        var usable = actions
            .Where(a => a.Value?.ToString() is { Length: > 0 } || a.Title is { Length: > 0 })
            .Select(a => (Label: LineLabels.For(a.Title ?? a.Value!.ToString()!), Text: (a.Value?.ToString() is { Length: > 0 } v ? v : a.Title!)))
            .Where(a => a.Text.Length <= LineLabels.MaxTextLength)
            .DistinctBy(a => a.Label)
            .ToList();
        var shown = usable.Count <= MaxQuickReplyItems ? usable : [.. usable.Take(MaxQuickReplyItems - 1), usable[^1]];
        var rest = usable.Except(shown).ToList();
        var last = messages[^1];
        if (rest.Count > 0)
        {
            // LINE shows 13 quick replies at most; the others can still be typed.
            var more = "\nほかに " + string.Join("", rest.Select(r => $"「{r.Text}」")) + " とも書けます。";
            var text = last["text"]!.GetValue<string>();
            if (text.Length + more.Length <= MaxTextLength)
            {
                last["text"] = text + more;
            }
            else
            {
                messages.Add(TextMessage(more.TrimStart('\n')));
                last = messages[^1];
            }
        }

        var items = new JsonArray();
        foreach (var (label, text) in shown)
        {
            items.Add(new JsonObject
            {
                ["type"] = "action",
                ["action"] = new JsonObject { ["type"] = "message", ["label"] = label, ["text"] = text },
            });
        }

        last["quickReply"] = new JsonObject { ["items"] = items };
    }

    /// <summary>The review card's facts as numbered lines (the card's Markdown escapes undone).</summary>
    private static string? Review(Attachment attachment)
    {
        if (attachment.ContentType != Attachment.AdaptiveCard || attachment.Content is not JsonObject card
            || card["body"] is not JsonArray body)
        {
            return null;
        }

        var builder = new StringBuilder();
        foreach (var block in body.OfType<JsonObject>())
        {
            if (block["type"]?.GetValue<string>() == "TextBlock" && block["text"]?.GetValue<string>() is { } heading)
            {
                builder.Append(heading).Append('\n');
            }
            else if (block["type"]?.GetValue<string>() == "FactSet" && block["facts"] is JsonArray facts)
            {
                var n = 0;
                foreach (var fact in facts.OfType<JsonObject>())
                {
                    n++;
                    builder.Append(n).Append(". ")
                        .Append(Unescape(fact["title"]?.GetValue<string>() ?? string.Empty)).Append('：')
                        .Append(Unescape(fact["value"]?.GetValue<string>() ?? string.Empty)).Append('\n');
                }
            }
        }

        return builder.Length == 0 ? null : builder.ToString().TrimEnd('\n');
    }

    private static string Unescape(string markdown)
    {
        var builder = new StringBuilder(markdown.Length);
        for (var i = 0; i < markdown.Length; i++)
        {
            if (markdown[i] == '\\' && i + 1 < markdown.Length)
            {
                i++;
            }

            builder.Append(markdown[i]);
        }

        return builder.ToString();
    }

    /// <summary>Pieces of at most 5000 characters, cut at a line break where there is one, never inside a surrogate pair.</summary>
    private static IEnumerable<string> Split(string text)
    {
        var rest = text;
        while (rest.Length > MaxTextLength)
        {
            var cut = rest.LastIndexOf('\n', MaxTextLength - 1);
            if (cut < MaxTextLength / 2)
            {
                cut = char.IsHighSurrogate(rest[MaxTextLength - 1]) ? MaxTextLength - 1 : MaxTextLength;
            }

            yield return rest[..cut];
            rest = rest[cut..].TrimStart('\n');
        }

        if (rest.Length > 0)
        {
            yield return rest;
        }
    }
}
