using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntakeBot.Bot.Activities;
using IntakeBot.Dialogs.Conversation;

namespace IntakeBot.Bot.Turns;

/// <summary>Turns the core's channel-neutral replies into Bot Framework message activities.</summary>
public static class ReplyRenderer
{
    public const string Locale = "ja-JP";

    /// <summary>What replaces a message after the user refused consent or quit: the stream keeps its ids, not its words.</summary>
    public const string DeletedText = "（この内容は削除しました）";

    /// <summary>
    /// The channelData of the replies of the turn that filed an intake: the web chat page forgets
    /// the conversation on that device when it sees it (a shared computer shows the next person
    /// a fresh chat).
    /// </summary>
    public static readonly JsonElement FiledChannelData = JsonDocument.Parse("{\"intakebot\":{\"filed\":true}}").RootElement.Clone();

    /// <summary>The <c>from.id</c> of a coordinator's messages (their <c>from.name</c> is the coordinator's, the role <c>bot</c>).</summary>
    public const string DeskAccountId = "intakebot-desk";

    public static Activity Render(BotReply reply, ConversationAddress address, string id, DateTimeOffset timestamp, string? replyToId, bool filed = false)
    {
        var activity = Message(address, id, timestamp, replyToId);
        activity.Text = reply.Text;
        if (reply.Coordinator is { } coordinator)
        {
            // Web Chat shows a message from role bot on the bot's side; the name says who wrote it.
            activity.From = new ChannelAccount { Id = DeskAccountId, Name = coordinator.Name, Role = "bot" };
        }

        if (filed)
        {
            activity.ChannelData = FiledChannelData;
        }

        var actions = reply.Actions
            .Select(a => new CardAction { Type = CardAction.ImBack, Title = a.Title, Value = a.Value })
            .ToList();
        if (actions.Count > 0)
        {
            // Web Chat shows buttons only when `to` is empty or names its user.
            activity.SuggestedActions = new SuggestedActions { To = [address.User.Id!], Actions = actions };
        }

        var attachments = new List<Attachment>();
        if (reply.Review is { Count: > 0 } review)
        {
            attachments.Add(ReviewCard(review));
        }

        if (reply.Article is { } article)
        {
            attachments.Add(ArticleCard(article));
        }

        if (attachments.Count > 0)
        {
            activity.Attachments = attachments;
        }

        return activity;
    }

    /// <summary>The neutral stand-in for a deleted activity: same id, sender and time, no content.</summary>
    public static Activity Deleted(Activity original) => new()
    {
        Type = ActivityTypes.Message,
        Id = original.Id,
        Timestamp = original.Timestamp,
        ChannelId = original.ChannelId,
        ServiceUrl = original.ServiceUrl,
        From = original.From,
        Recipient = original.Recipient,
        Conversation = original.Conversation,
        ReplyToId = original.ReplyToId,
        // Kept so Web Chat can still match a pending message to its echo.
        ChannelData = original.ChannelData,
        Text = DeletedText,
        TextFormat = "plain",
        Locale = Locale,
    };

    private static Activity Message(ConversationAddress address, string id, DateTimeOffset timestamp, string? replyToId) => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        Timestamp = timestamp,
        ChannelId = address.ChannelId,
        ServiceUrl = address.ServiceUrl,
        From = address.Bot,
        Recipient = address.User,
        Conversation = new ConversationAccount { Id = address.ExternalId },
        ReplyToId = replyToId,
        TextFormat = "plain",
        Locale = Locale,
    };

    /// <summary>The review of every answer as an Adaptive Card (written by hand: the AdaptiveCards package is not available).</summary>
    private static Attachment ReviewCard(IReadOnlyList<ReviewItem> items)
    {
        var facts = new JsonArray();
        foreach (var item in items)
        {
            facts.Add(new JsonObject { ["title"] = EscapeMarkdown(item.Label), ["value"] = EscapeMarkdown(item.Value) });
        }

        return new Attachment
        {
            ContentType = Attachment.AdaptiveCard,
            Content = new JsonObject
            {
                ["type"] = "AdaptiveCard",
                ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                ["version"] = "1.3",
                ["speak"] = "ご回答の内容",
                ["body"] = new JsonArray
                {
                    new JsonObject { ["type"] = "TextBlock", ["text"] = "ご回答の内容", ["weight"] = "Bolder", ["wrap"] = true },
                    new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
                },
            },
        };
    }

    private static Attachment ArticleCard(ArticleLink article) => new()
    {
        ContentType = Attachment.HeroCard,
        Content = new JsonObject
        {
            ["title"] = article.Title,
            ["buttons"] = new JsonArray
            {
                new JsonObject
                {
                    ["type"] = CardAction.OpenUrl,
                    ["title"] = "詳しく",
                    ["value"] = "/articles/" + Uri.EscapeDataString(article.ArticleId),
                },
            },
        },
    };

    /// <summary>
    /// Adaptive Card text is Markdown: a user's answer such as <c>[x](javascript:…)</c> must show
    /// as typed, not become a link, so Markdown's special characters are escaped.
    /// </summary>
    private static string EscapeMarkdown(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '<' or '>' or '#' or '!' or '|' or '~')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
