using IntakeBot.Dialogs.Conversation;

namespace IntakeBot.Dialogs.Tests.Conversation;

/// <summary>SECURITY.md row 23: a typed reply is consent only when it clearly agrees.</summary>
public sealed class TypedConsentTests
{
    public static TheoryData<string> Agreements =>
    [
        "はい", "はい。", "はい！", "ハイ", "はーい", "うん", "ええ", "同意します", "同意する", "同意します。", "同意しました",
        "同意", "同意です", "どうい", "どういします", "どうい します", "ドウイします", "いいです", "いいですよ", "OK", "ok", "ＯＫ",
        "オッケー", "おっけー", "大丈夫です", "だいじょうぶ", "わかりました、同意します", "わかりました", "はい、同意します",
        "はい 同意します", "はい、お願いします", "お願いします", "よろしくお願いします", "了解です", "了解しました", "りょうかい",
        "承知しました", "構いません", "かまいません", "同意しまs", "同意しまう", "どういしまーす", "同意いたします", "はい同意します",
        "ＹＥＳ", "yes", "同意できます", "はい、大丈夫です", "もちろん",
    ];

    public static TheoryData<string> Refusals =>
    [
        "同意しません", "いいえ、同意しません", "同意できない", "同意できません", "同意しない。", "どういしません", "いいえ", "いえ",
        "いやです", "嫌", "嫌です", "いや", "イヤ", "断ります", "お断りします", "やめておきます", "やめときます", "拒否します",
        "無理です", "むり", "だめ", "ダメです", "したくないです", "ううん", "NO", "no", "同意しません。個人情報は言いたくない",
        "えんりょします", "遠慮します",
    ];

    public static TheoryData<string> Doubts =>
    [
        "ちょっと考えます", "迷っています", "考えさせてください", "うーん", "わからない", "まよってます", "あとで決めます",
        "少し待ってください", "検討します", "たぶん大丈夫", "はい、でもちょっと不安", "はい、同意しません",
    ];

    public static TheoryData<string> Unrelated =>
    [
        "いる", "ある", "息子のことです", "こんにちは", "横浜市", "72歳", "あ", "テスト", "ラーメン", "電話番号は090です",
        "大丈夫じゃない", "そう",
    ];

    [Theory]
    [MemberData(nameof(Agreements))]
    public void A_clear_typed_yes_is_consent(string reply)
    {
        var chat = new ConversationDriver().SendAll("相談を始める");

        chat.Send(reply);

        Assert.True(chat.State.Consented, reply);
        Assert.Equal(IntakeStep.AskerRole, chat.Step);
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_typed_refusal_is_handled_like_the_disagree_button(string reply)
    {
        var chat = new ConversationDriver().SendAll("相談を始める");

        chat.Send(reply);

        Assert.False(chat.State.Consented, reply);
        Assert.Equal(IntakeStep.QuestionsOnly, chat.Step);
        Assert.Contains(chat.Last.SideEffects, e => e is DeleteConversationData);
        Assert.Empty(chat.State.Transcript);
    }

    [Theory]
    [MemberData(nameof(Doubts))]
    [MemberData(nameof(Unrelated))]
    public void Doubt_or_anything_unclear_is_asked_again_with_the_two_buttons(string reply)
    {
        var chat = new ConversationDriver().SendAll("相談を始める");

        chat.Send(reply);

        Assert.False(chat.State.Consented, reply);
        Assert.Equal(IntakeStep.Consent, chat.Step);
        Assert.Equal(["同意する", "同意しない", InputSignals.PlainJapaneseButton], chat.Buttons);
        Assert.DoesNotContain(chat.Last.SideEffects, e => e is DeleteConversationData);
    }

    [Fact]
    public void A_story_held_before_consent_is_deleted_unread_on_a_typed_refusal()
    {
        var chat = new ConversationDriver().SendAll("息子が逮捕されました。知的障害があります。");

        chat.Send("いいえ、同意しません");

        Assert.Null(chat.State.StoryBeforeConsent);
        Assert.Null(chat.State.PendingStory);
        Assert.Equal(IntakeStep.QuestionsOnly, chat.Step);
    }
}
