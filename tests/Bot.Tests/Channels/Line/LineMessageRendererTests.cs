using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Channels.Line;
using IntakeBot.Bot.Turns;
using IntakeBot.Dialogs.Conversation;

namespace IntakeBot.Bot.Tests.Channels.Line;

public sealed class LineMessageRendererTests
{
    private static readonly ConversationAddress Address = LineConversations.Address("line:abc:0", "abc");

    [Fact]
    public void More_than_thirteen_buttons_become_thirteen_quick_replies_and_the_rest_are_named_in_the_text()
    {
        var actions = Enumerable.Range(1, 20).Select(i => new SuggestedAction($"選択肢{i}")).Append(new SuggestedAction("戻る")).ToList();
        var activity = ReplyRenderer.Render(new BotReply("どれを直しますか？", actions), Address, "a|1", DateTimeOffset.UnixEpoch, null);

        var message = Assert.Single(LineMessageRenderer.Render([activity]));

        var items = message["quickReply"]!["items"]!.AsArray();
        Assert.Equal(13, items.Count);
        Assert.Equal("戻る", items[^1]!["action"]!["text"]!.GetValue<string>());
        Assert.Contains("「選択肢13」", message["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("「選択肢20」", message["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_button_gets_a_short_label_but_still_sends_its_whole_value()
    {
        var title = "いまだけ いる ところ（ともだちの いえ など）";
        var longer = "とても長いボタンの文字列で二十文字を超えてしまうもの";
        var activity = ReplyRenderer.Render(new BotReply("はじめますか？", [new SuggestedAction(title), new SuggestedAction(longer)]), Address, "a|1", DateTimeOffset.UnixEpoch, null);

        var items = Assert.Single(LineMessageRenderer.Render([activity]))["quickReply"]!["items"]!.AsArray();

        Assert.All(items, i => Assert.InRange(i!["action"]!["label"]!.GetValue<string>().Length, 1, LineLabels.MaxLabelLength));
        Assert.Equal("いまだけ いる ところ", items[0]!["action"]!["label"]!.GetValue<string>());
        Assert.Equal(title, items[0]!["action"]!["text"]!.GetValue<string>());
        Assert.Equal(longer, items[1]!["action"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void A_long_turn_goes_in_calls_of_five_and_long_text_in_pieces_of_5000()
    {
        var activities = Enumerable.Range(1, 6).Select(i => ReplyRenderer.Render(new BotReply($"メッセージ{i}"), Address, $"a|{i}", DateTimeOffset.UnixEpoch, null)).ToList();
        activities.Add(ReplyRenderer.Render(new BotReply(new string('あ', 12_000)), Address, "a|7", DateTimeOffset.UnixEpoch, null));

        var messages = LineMessageRenderer.Render(activities);
        var calls = LineMessageRenderer.Calls(messages, 0).ToList();

        Assert.Equal(9, messages.Count);
        Assert.Equal([5, 4], calls.Select(c => c.Count));
        Assert.All(messages, m => Assert.InRange(m["text"]!.GetValue<string>().Length, 1, LineMessageRenderer.MaxTextLength));
    }

    [Fact]
    public void The_review_becomes_numbered_text_with_the_answers_as_typed()
    {
        var review = new BotReply("この内容で送信しますか？", [new SuggestedAction("送信する"), new SuggestedAction("直す")],
            [new ReviewItem(IntakeStep.SubjectAge, "年齢", "72歳"), new ReviewItem(IntakeStep.SubjectName, "お名前", "[山田](javascript:x) *太郎*")]);
        var activity = ReplyRenderer.Render(review, Address, "a|1", DateTimeOffset.UnixEpoch, null);

        var messages = LineMessageRenderer.Render([activity]);

        Assert.Equal(2, messages.Count);
        Assert.Equal("ご回答の内容\n1. 年齢：72歳\n2. お名前：[山田](javascript:x) *太郎*", messages[1]["text"]!.GetValue<string>());
        Assert.NotNull(messages[1]["quickReply"]);
    }
}
