using IntakeBot.Dialogs.Center;
using IntakeBot.Dialogs.Records;
using IntakeBot.Dialogs.Triage;

namespace IntakeBot.Dialogs.Conversation;

/// <summary>The bot's fixed Japanese sentences, in one place so their tone stays consistent.</summary>
internal static class Phrases
{
    public const string StartIntake = "相談を始める";
    public const string AboutCenter = "センターについて知りたい";
    public const string TalkToPerson = "人と話したい";
    public const string Agree = "同意する";
    public const string Disagree = "同意しない";
    public const string StartWithConsent = "同意して相談を始める";
    public const string Send = "送信する";
    public const string Fix = "直す";
    public const string Back = "戻る";
    public const string NewIntake = "最初から";
    public const string ComeBackToCase = "受付番号で続きから";
    public const string SeeReplies = "相談員からの返信を見る";
    public const string CaseKeyHeard = "（受付番号と引き継ぎコードを入力）";
    public const string AboutCenterQuestion = "センターは何をしてくれますか";
    public const string StoryCorrect = "はい";
    public const string StoryRead = "書いていただいた内容を、次のように理解しました。";
    public const string StoryIsItRight = "合っていますか？（違うところがあれば「直す」を押してください。ひとつずつお聞きします）";
    public const string StoryConfirmed = "ありがとうございます。まだうかがっていないことをお聞きします。";
    public const string StoryRejected = "わかりました。ひとつずつお聞きします。";

    public static string Welcome(CenterProfile center) =>
        $"こんにちは。{center.Name}のチャット相談窓口です。\n"
        + "刑務所や少年院を出た方、逮捕されたり裁判中だったりする方で、高齢や障がいのある方の、これからの暮らしの相談を受けています。\n"
        + "ボタンを押すか、文字で書いてください。";

    public const string FaqMenu = "ほかにも、よくある質問です。ボタンを押すか、質問を書いてください。";

    public const string WelcomeBack = "おかえりなさい。続きからお聞きします。";

    public const string Consent =
        "相談の前に、大切なお知らせです。\n"
        + "このチャットでは、ご本人の年齢、障がいや病気、事件や刑務所のことなど、とても大切な個人情報をうかがいます。\n"
        + "うかがった内容は、センターの相談員が支援のためだけに使います。ほかの目的には使いません。\n"
        + "同意していただけますか？（同意しなくても、センターについての質問にはお答えします）";

    /// <summary>The consent notice with the center's own addition (<see cref="CenterProfile.ConsentNotice"/>) before the question.</summary>
    public static string ConsentFor(CenterProfile center)
    {
        if (string.IsNullOrWhiteSpace(center.ConsentNotice))
        {
            return Consent;
        }

        var question = Consent.LastIndexOf('\n') + 1;
        return $"{Consent[..question]}{center.ConsentNotice.Trim()}\n{Consent[question..]}";
    }

    public const string ConsentAgain = "「同意する」か「同意しない」を選んでください。";

    /// <summary>Said to someone who declined consent and then tells about a person: nothing of it is kept.</summary>
    public const string ConsentFirst =
        "ご本人やご家族のことは、同意をいただいてからうかがいます。いま書かれた内容は保存していません。\n"
        + "相談を始めるときは「同意して相談を始める」を押してください。センターについての質問には、このままお答えします。";

    public const string QuestionsOnly =
        "わかりました。個人の情報はうかがいません。入力された内容は消去しました。\n"
        + "センターについてのご質問には、いつでもお答えします。質問を書いてください。";

    public const string Continue = "では、続きをお聞きします。";

    public const string NotUnderstood = "すみません、うまく読み取れませんでした。";

    public const string AskBackDeclined = "わかりました。もう一度お聞きします。";

    public const string MovingOnAsUnknown = "この質問は「わからない」として、先に進みます。あとで相談員がお聞きします。";

    public const string ThatIsAll = "これで全部";

    public const string MoreOrAll = "ほかにもあればボタンを押すか書いてください。なければ「これで全部」を押してください。";

    /// <summary>After one answer to a 「あてはまるものをすべて」 question: the chosen ones, and the question for more.</summary>
    public static string AnythingElse(string chosen) => $"「{chosen}」ですね。ほかにもありますか？（なければ「{ThatIsAll}」）";

    public const string EmptyMessage = "メッセージが空でした。";

    public const string CannotGoBack = "これより前には戻れません。";

    public const string Help =
        "使い方：ボタンを押すか、文字で答えてください。わからないときは「わからない」と答えてください。\n"
        + "・「戻る」ひとつ前の質問に戻ります\n"
        + "・「最初から」はじめからやり直します\n"
        + "・「人と話したい」センターの相談員におつなぎします\n"
        + "・「やめる」相談をやめて、入力した内容を消します\n"
        + "・途中で質問を書くと、わかる範囲でお答えします";

    public const string Quit = "相談をやめました。入力された内容は消去しました。\nまた相談したいときは、いつでも「相談を始める」を押してください。";

    public const string Review = "ご回答の内容です。よろしければ「送信する」を押してください。直したいところがあれば「直す」を押してください。";

    public const string ChooseEdit = "どこを直しますか？";

    public static string CurrentAnswer(string answer) => $"（いまの回答：{answer}）";

    public static string NoAnswer(CenterProfile center) =>
        "ごめんなさい。その質問には、ここではお答えできません。センターの相談員がお答えしますので、「人と話したい」と送ってください。"
        + PhoneLine(center);

    public static string OutOfScope(CenterProfile center) =>
        "ごめんなさい。そのことには、ここではお答えできません。\n"
        + "このチャットでは、センターのことと、刑務所などを出た方や裁判中の方の暮らしの相談をうかがっています。"
        + "相談員と話したいときは「人と話したい」と送ってください。"
        + PhoneLine(center);

    public static string Source(string title) => $"（出典：{title}）";

    public static string Crisis(CenterProfile center)
    {
        var lines = new List<string>
        {
            "あなたの安全がいちばん大切です。",
            "命の危険があるとき、暴力を受けているときは、すぐに110番（警察）か119番（救急）に電話してください。",
        };
        lines.AddRange(center.Hotlines.Select(h => $"・{h.Name}：{h.Number}"));
        if (center.Phone.Length > 0)
        {
            lines.Add($"・{center.Name}：{center.Phone}{Hours(center)}");
        }

        // Whether the center was told and will call is said after this, once it is known how to reach the person.
        return string.Join("\n", lines);
    }

    /// <summary>After a crisis or handoff ticket, when the case holds a way to reach the person.</summary>
    public const string PassedOn = "センターの相談員にも、すぐに知らせました。相談員から連絡します。";

    public const string CaseContactQuestion =
        "相談員から連絡できるように、電話番号かメールアドレスを教えてください。\n"
        + "電話やメールがなければ、下のボタンから、ほかの方法を選んでください。";

    public const string CaseContactAgain = "電話番号（例：090-1234-5678）か、メールアドレスを書いてください。ない場合は「連絡先はない」を押してください。";

    public const string CaseContactSaved = "ありがとうございます。連絡先を、センターの相談員に知らせました。相談員から連絡します。";

    /// <summary>The truth when the case holds no way to reach the person: the center cannot call, here is its phone.</summary>
    public static string CannotCallBack(CenterProfile center, CaseContact? contact) =>
        (contact?.Way switch
        {
            ContactWay.Visit => "センターに来られる前に、電話で日時をご相談ください。",
            ContactWay.ThroughSupporter => "支援者の方の連絡先がわからないため、センターからは連絡できません。支援者の方から、センターに電話してもらってください。",
            ContactWay.Letter => "手紙の送り先がわからないため、センターからは連絡できません。",
            _ => "連絡先がわからないため、センターから連絡することはできません。お話ししたいときは、センターに電話してください。",
        })
        + PhoneLine(center);

    public const string Appended = "担当者が読めるように、受付票に書き加えました。";

    public const string DoneThanks = "ご相談ありがとうございました。書き足したいことがあれば、いつでも書いてください。";

    public static string Handoff(CenterProfile center, bool ticketCreated, bool canReach = false) =>
        ticketCreated && !canReach
            // How to reach the person is asked next; nothing is promised before it.
            ? "センターの相談員に、これまでの内容を伝えました。" + PhoneLine(center)
            : (ticketCreated
                ? "センターの相談員に、これまでの内容を伝えました。相談員から連絡します。"
                : "センターの相談員がお話をうかがいます。")
            + PhoneLine(center)
            + "\nこのままチャットで続けることもできます。";

    public static string Done(CenterProfile center, IntakeRecord record, TriageResult triage)
    {
        var contact = CaseContact.Of(record);
        var text = $"ご相談を受け付けました。受付番号は {TurnResult.ReferenceNumberPlaceholder} です。\n"
                   + (contact?.CanReach == true
                       ? $"{center.Name}の相談員から、なるべく早くご連絡します。"
                       : CannotCallBack(center, contact).TrimEnd() + "\nお電話のときは、受付番号をお伝えください。");
        if (triage.Duty == Duty.SuspectSupport)
        {
            text += "\n被疑者・被告人の方への支援（被疑者等支援業務）は、保護観察所からセンターへの依頼で始まります。"
                    + (record.Role == AskerRole.Lawyer
                        ? "弁護人の方は、担当の保護観察所にもご相談ください。"
                        : "弁護人の先生にもこの相談のことを伝えてください。");
        }

        return contact?.CanReach == true ? text + PhoneLine(center) : text;
    }

    private static string PhoneLine(CenterProfile center) =>
        center.Phone.Length == 0 ? string.Empty : $"\nお電話の場合：{center.Phone}{Hours(center)}";

    private static string Hours(CenterProfile center) => center.PhoneHours.Length == 0 ? string.Empty : $"（{center.PhoneHours}）";
}
