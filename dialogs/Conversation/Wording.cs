using IntakeBot.Dialogs.Center;
using IntakeBot.Dialogs.Records;
using IntakeBot.Dialogs.Triage;

namespace IntakeBot.Dialogs.Conversation;

/// <summary>
/// Every sentence the bot says, in one of two wordings: the standard one (<see cref="Phrases"/>) or
/// やさしい日本語 for 本人 (short sentences, one idea each, spaces between phrases, no keigo, no jargon),
/// following 出入国在留管理庁・文化庁「在留支援のためのやさしい日本語ガイドライン」. A turn takes one
/// <see cref="Wording"/> and says everything through it, so no text decides the mode on its own.
/// </summary>
internal sealed class Wording
{
    public static readonly Wording Standard = new(false);
    public static readonly Wording Plain = new(true);

    private Wording(bool plain)
    {
        IsPlain = plain;
    }

    public bool IsPlain { get; }

    public static Wording For(bool plain) => plain ? Plain : Standard;

    /// <summary>The button's label in this wording (its value is the same label, read back by <see cref="PlainLabels"/>).</summary>
    public string Label(string standard) => IsPlain ? PlainLabels.ToPlain(standard) : standard;

    public string Welcome(CenterProfile center) => IsPlain
        ? $"こんにちは。\n{center.Name}の チャットです。\n"
          + "けいむしょや しょうねんいんを でた 人の そうだんを ききます。\n"
          + "つかまった 人や、さいばんを して いる 人の そうだんも ききます。\n"
          + "ボタンを おすか、もじで かいて ください。"
        : Phrases.Welcome(center);

    // The same three words in both wordings.
    public string WelcomeMenu => "どうしますか？";

    public string SwitchedToPlain => "わかりました。\nやさしい にほんごで はなします。";

    public string FaqMenu => IsPlain ? "しつもんが あれば、かいて ください。" : Phrases.FaqMenu;

    public string WelcomeBack => IsPlain ? "おかえりなさい。\nつづきから ききます。" : Phrases.WelcomeBack;

    public string ConsentFor(CenterProfile center)
    {
        if (!IsPlain)
        {
            return Phrases.ConsentFor(center);
        }

        var lines = new List<string>
        {
            "そうだんの まえに、だいじな おしらせです。",
            "この チャットでは、あなたの ことを ききます。",
            "としや びょうき、しょうがいの ことも ききます。",
            "けいむしょや じけんの ことも ききます。",
            "センターの 人が、あなたを たすける ために つかいます。",
            "ほかの ことには つかいません。",
        };
        if (!string.IsNullOrWhiteSpace(center.ConsentNotice))
        {
            // The center's own notice is its legal text; it is shown as the center wrote it.
            lines.Add(center.ConsentNotice.Trim());
        }

        lines.Add("これで いいですか？");
        lines.Add($"「{Label(Phrases.Disagree)}」でも、センターの ことは こたえます。");
        return string.Join("\n", lines);
    }

    public string ConsentAgain => IsPlain
        ? $"「{Label(Phrases.Agree)}」か「{Label(Phrases.Disagree)}」を えらんで ください。"
        : Phrases.ConsentAgain;

    public string QuestionsOnly => IsPlain
        ? "わかりました。\nあなたの ことは ききません。\nかいた ことは けしました。\nセンターの ことなら、いつでも こたえます。\nしつもんを かいて ください。"
        : Phrases.QuestionsOnly;

    public string WriteAQuestion => IsPlain ? "しつもんを かいて ください。" : "質問を書いてください。";

    public string Continue => IsPlain ? "では、つづきを ききます。" : Phrases.Continue;

    public string NotUnderstood => IsPlain ? "ごめんなさい。\nよく わかりませんでした。" : Phrases.NotUnderstood;

    /// <summary>The text after an answer that was not understood: the parser's reason and the example, or, plain, the plain example.</summary>
    public string AskAgain(string? problem, string example, string plainExample) => IsPlain
        ? $"{NotUnderstood}\nもう いちど かいて ください。" + (plainExample.Length > 0 ? $"\n{plainExample}" : string.Empty)
        : $"{(problem is null ? Phrases.NotUnderstood : Phrases.NotUnderstood + problem)}\n{example}";

    public string AskBackDeclined => IsPlain ? "わかりました。\nもう いちど ききます。" : Phrases.AskBackDeclined;

    public string MovingOnAsUnknown => IsPlain
        ? "これは「わからない」に します。\nつぎの しつもんに いきます。\nあとで センターの 人が ききます。"
        : Phrases.MovingOnAsUnknown;

    public string MoreOrAll => IsPlain
        ? $"ほかにも あれば、ボタンを おすか かいて ください。\nなければ「{Label(Phrases.ThatIsAll)}」を おして ください。"
        : Phrases.MoreOrAll;

    public string AnythingElse(string chosen) => IsPlain
        ? $"えらんだ もの：{PlainLabels.ToPlain(chosen)}\nほかにも ありますか？\nなければ「{Label(Phrases.ThatIsAll)}」を おして ください。"
        : Phrases.AnythingElse(chosen);

    public string EmptyMessage => IsPlain ? "なにも かいて いませんでした。" : Phrases.EmptyMessage;

    public string CannotGoBack => IsPlain ? "これより まえには もどれません。" : Phrases.CannotGoBack;

    public string Help => IsPlain
        ? "つかいかたです。\nボタンを おすか、もじで こたえて ください。\nわからない ときは「わからない」と かいて ください。\n"
          + $"・「{Label(Phrases.Back)}」ひとつ まえの しつもんに もどります\n"
          + $"・「{Label(Phrases.NewIntake)}」さいしょから やりなおします\n"
          + $"・「{Label(Phrases.TalkToPerson)}」センターの 人と はなせます\n"
          + "・「やめる」そうだんを やめます\n"
          + "・しつもんを かくと、わかる ことを こたえます"
        : Phrases.Help;

    public string Quit => IsPlain
        ? "そうだんを やめました。\nかいた ことは けしました。\nまた そうだん したい ときは、ボタンを おして ください。"
        : Phrases.Quit;

    public string Review => IsPlain
        ? $"あなたの こたえです。\nよければ「{Label(Phrases.Send)}」を おして ください。\nなおしたい ときは「{Label(Phrases.Fix)}」を おして ください。"
        : Phrases.Review;

    public string ReviewAgain => IsPlain
        ? $"{NotUnderstood}\n「{Label(Phrases.Send)}」か「{Label(Phrases.Fix)}」を えらんで ください。"
        : $"{Phrases.NotUnderstood}「{Phrases.Send}」か「{Phrases.Fix}」を選んでください。";

    public string ChooseEdit => IsPlain ? "どこを なおしますか？" : Phrases.ChooseEdit;

    public string CurrentAnswer(string answer) => IsPlain ? $"（いまの こたえ：{PlainLabels.ToPlain(answer)}）" : Phrases.CurrentAnswer(answer);

    public string NoAnswer(CenterProfile center) => IsPlain
        ? "ごめんなさい。\nその しつもんには、ここでは こたえられません。\nセンターの 人が こたえます。\n"
          + $"「{Label(Phrases.TalkToPerson)}」と かいて ください。" + PhoneLine(center)
        : Phrases.NoAnswer(center);

    public string OutOfScope(CenterProfile center) => IsPlain
        ? "ごめんなさい。\nその ことには、ここでは こたえられません。\n"
          + "この チャットでは、センターの ことを こたえます。\n"
          + "けいむしょを でた 人などの、くらしの そうだんも ききます。\n"
          + $"「{Label(Phrases.TalkToPerson)}」と かくと、センターの 人と はなせます。" + PhoneLine(center)
        : Phrases.OutOfScope(center);

    /// <summary>Said before an excerpt of a knowledge article, which is quoted as it was written.</summary>
    public string KnowledgeLeadIn => IsPlain ? "センターの しりょうに、こう かいて あります。\n" : string.Empty;

    public string Source(string title) => IsPlain ? $"（しりょうの なまえ：{title}）" : Phrases.Source(title);

    public string Crisis(CenterProfile center)
    {
        if (!IsPlain)
        {
            return Phrases.Crisis(center);
        }

        var lines = new List<string>
        {
            "あなたの いのちが いちばん だいじです。",
            "あぶない ときは、すぐに 110ばんに でんわ して ください。",
            "110ばんは けいさつです。",
            "けがや びょうきの ときは、119ばんです。",
        };
        lines.AddRange(center.Hotlines.Select(h => $"・{h.Name}：{h.Number}"));
        if (center.Phone.Length > 0)
        {
            lines.Add($"・{center.Name}：{center.Phone}{Hours(center)}");
        }

        return string.Join("\n", lines);
    }

    public string PassedOn => IsPlain
        ? "センターの 人にも、すぐに しらせました。\nセンターの 人から れんらく します。"
        : Phrases.PassedOn;

    public string CaseContactQuestion => IsPlain
        ? "センターから、あなたに れんらく したいです。\nでんわばんごうか メールを おしえて ください。\nなければ、したの ボタンから えらんで ください。"
        : Phrases.CaseContactQuestion;

    public string CaseContactAgain(string? problem) => IsPlain
        ? $"{NotUnderstood}\nでんわばんごうか メールを かいて ください。\nれい：090-1234-5678\nなければ「{Label(NoContactLabel)}」を おして ください。"
        : problem is { } p ? $"{Phrases.NotUnderstood}{p}" : $"{Phrases.NotUnderstood}{Phrases.CaseContactAgain}";

    public string CaseContactSaved => IsPlain
        ? "ありがとう ございます。\nれんらくさきを、センターの 人に しらせました。\nセンターの 人から れんらく します。"
        : Phrases.CaseContactSaved;

    public string CannotCallBack(CenterProfile center, CaseContact? contact) => IsPlain
        ? (contact?.Way switch
        {
            ContactWay.Visit => "センターに くる まえに、でんわ して ください。\nくる 日と 時間を きめます。",
            ContactWay.ThroughSupporter => "たすけて くれる 人の れんらくさきが わかりません。\nだから、センターからは れんらく できません。\n"
                                           + "たすけて くれる 人から、センターに でんわ して もらって ください。",
            ContactWay.Letter => "てがみを おくる ところが わかりません。\nだから、センターからは れんらく できません。",
            _ => "れんらくさきが わかりません。\nだから、センターからは れんらく できません。\nはなしたい ときは、センターに でんわ して ください。",
        }) + PhoneLine(center)
        : Phrases.CannotCallBack(center, contact);

    public string Appended => IsPlain
        ? "あなたが かいた ことを、うけつけの かみに かきたしました。\nセンターの 人が よみます。"
        : Phrases.Appended;

    public string DoneThanks => IsPlain
        ? "そうだん ありがとう ございました。\nかきたい ことが あれば、いつでも かいて ください。"
        : Phrases.DoneThanks;

    public string DoneMenu => IsPlain
        ? "かきたい ことや しつもんが あれば、かいて ください。"
        : "書き足したいことや、ほかに質問があれば書いてください。";

    public string Handoff(CenterProfile center, bool ticketCreated, bool canReach = false)
    {
        if (!IsPlain)
        {
            return Phrases.Handoff(center, ticketCreated, canReach);
        }

        return ticketCreated && !canReach
            ? "センターの 人に、いままでの ことを つたえました。" + PhoneLine(center)
            : (ticketCreated
                ? "センターの 人に、いままでの ことを つたえました。\nセンターの 人から れんらく します。"
                : "センターの 人が、はなしを ききます。")
            + PhoneLine(center)
            + "\nこの まま チャットで つづける ことも できます。";
    }

    public string Done(CenterProfile center, IntakeRecord record, TriageResult triage)
    {
        if (!IsPlain)
        {
            return Phrases.Done(center, record, triage);
        }

        var contact = CaseContact.Of(record);
        // 受付番号 is said in kanji too, with its reading: it is the word the center uses on the phone.
        var text = $"そうだんを うけつけました。\n受付番号（うけつけばんごう）を つたえます。\n受付番号は {TurnResult.ReferenceNumberPlaceholder} です。\n"
                   + (contact?.CanReach == true
                       ? "センターの 人から、なるべく はやく れんらく します。"
                       : CannotCallBack(center, contact).TrimEnd() + "\nでんわの ときは、うけつけばんごうを いって ください。");
        if (triage.Duty == Duty.SuspectSupport)
        {
            text += "\nつかまって いる 人の しえんには、きまりが あります。\nべんごしの せんせいにも、この そうだんの ことを いって ください。";
        }

        return contact?.CanReach == true ? text + PhoneLine(center) : text;
    }

    public string StoryRead => IsPlain ? "あなたが かいた ことを、こう よみました。" : Phrases.StoryRead;

    public string StoryIsItRight => IsPlain
        ? $"あって いますか？\nちがう ところが あれば「{Label(Phrases.Fix)}」を おして ください。\nひとつずつ ききます。"
        : Phrases.StoryIsItRight;

    public string StoryAgain => IsPlain
        ? $"「{Phrases.StoryCorrect}」か「{Label(Phrases.Fix)}」を えらんで ください。"
        : $"「{Phrases.StoryCorrect}」か「{Phrases.Fix}」を選んでください。";

    public string StoryConfirmed => IsPlain ? "ありがとう ございます。\nまだ きいて いない ことを ききます。" : Phrases.StoryConfirmed;

    public string StoryRejected => IsPlain ? "わかりました。\nひとつずつ ききます。" : Phrases.StoryRejected;

    /// <summary>A coordinator joined from the desk: the person learns a person writes now, and who.</summary>
    public string CoordinatorJoined(string name) => IsPlain
        ? $"そうだんいん（{name}）と つながりました。\nここからは、そうだんいんが へんじを します。"
        : $"相談員（{name}）がつながりました。ここからは相談員がお返事します。";

    /// <summary>On reopening the chat while a coordinator is in it.</summary>
    public string CoordinatorStillHere(string name) => IsPlain
        ? $"そうだんいん（{name}）と つながって います。"
        : $"相談員（{name}）とつながっています。";

    public string BackToBot => IsPlain
        ? "そうだんいんとの はなしは おわりました。\nまた、ボットが ききます。"
        : "相談員とのチャットを終わりました。ここからは、またチャットボットがお聞きします。";

    public string CallingAPerson => IsPlain
        ? "そうだんいんを よんで います。\nすこし まって ください。"
        : "相談員を呼んでいます。つながるまで、このまま少しお待ちください。";

    /// <summary>Nobody joined in time: said plainly, with the hours and the phone.</summary>
    public string NobodyJoined(CenterProfile center) => IsPlain
        ? "ごめんなさい。\nいま、そうだんいんが チャットに でられません。" + ChatHours(center) + PhoneLine(center)
        : "申し訳ありません。いま、相談員がチャットに出られません。" + ChatHours(center) + PhoneLine(center);

    /// <summary>「人と話したい」 outside the configured hours.</summary>
    public string OutsideHours(CenterProfile center) => IsPlain
        ? "いまは、そうだんいんが チャットに でられない 時間です。" + ChatHours(center)
        : "ただいまは時間外のため、相談員がチャットに出ることはできません。" + ChatHours(center);

    private string ChatHours(CenterProfile center) => center.Hours.Describe() is { Length: > 0 } hours
        ? IsPlain ? $"\nチャットで はなせる 時間：{hours}" : $"\n相談員とチャットで話せる時間：{hours}"
        : string.Empty;

    /// <summary>The code shown once after a ticket is filed, with the number it belongs to when the reply did not name it yet.</summary>
    public string CaseKeyIssued(bool withReference) => IsPlain
        ? (withReference ? $"受付番号（うけつけばんごう）は {TurnResult.ReferenceNumberPlaceholder} です。\n" : string.Empty)
          + $"ひきつぎ コードは {TurnResult.AttachCodePlaceholder} です。\n"
          + "べつの スマホや パソコンで つづきを かく ときに つかいます。\n"
          + "うけつけばんごうと コードを かいて ください。\n"
          + "コードは いちどしか みせません。\nメモして ください。"
        : (withReference ? $"受付番号は {TurnResult.ReferenceNumberPlaceholder} です。\n" : string.Empty)
          + $"引き継ぎコードは {TurnResult.AttachCodePlaceholder} です。\n"
          + "別の端末やあとから続けるときは、新しいチャットに受付番号とこのコードを書いてください。"
          + "コードはこの一度しか表示しません。控えておいてください。";

    public string AskCaseKey => IsPlain
        ? "うけつけばんごうと ひきつぎ コードを かいて ください。\n（れい：KN-2026-000123 と 7KQ2-MX9D）"
        : "受付番号と引き継ぎコードを書いてください。（例：KN-2026-000123 と 7KQ2-MX9D）";

    public string AskReferenceToo => IsPlain
        ? "うけつけばんごうも かいて ください。\n（れい：KN-2026-000123）\nコードも もう いちど かいて ください。"
        : "受付番号も書いてください（例：KN-2026-000123）。コードも、もう一度いっしょに書いてください。";

    public string AskCodeToo => IsPlain
        ? "ひきつぎ コードを かいて ください。\n（れい：7KQ2-MX9D）"
        : "引き継ぎコード（8文字、例：7KQ2-MX9D）を書いてください。";

    public string CaseKeyWrong => IsPlain
        ? "うけつけばんごうか コードが ちがいます。\nもう いちど かいて ください。"
        : "受付番号かコードが違います。もう一度、両方を書いてください。";

    public string CaseKeyGiveUp(CenterProfile center) => (IsPlain
        ? "うけつけばんごうと コードを たしかめられませんでした。\nでんわで きいて ください。"
        : "受付番号とコードを確認できませんでした。お手数ですが、お電話でお問い合わせください。") + PhoneLine(center);

    public string CaseKeyBlocked(CenterProfile center) => (IsPlain
        ? "まちがいが おおいので、いまは つかえません。\nしばらく してから ためして ください。"
        : "間違いが続いたため、この受付番号はしばらく使えません。時間をおいてから、もう一度お試しください。") + PhoneLine(center);

    public string CaseKeyClosed => IsPlain
        ? "この そうだんは おわりました。\nコードは もう つかえません。\nあたらしい そうだんは「そうだんを はじめる」を おして ください。"
        : "この相談はすでに終了していて、コードは使えません。新しく相談するときは「相談を始める」を押してください。";

    public string CaseKeyUnchecked(CenterProfile center) => (IsPlain
        ? "いまは たしかめられません。\nでんわで きいて ください。"
        : "いまは確認できません。お手数ですが、お電話でお問い合わせください。") + PhoneLine(center);

    public string Attached(string reference) => IsPlain
        ? $"{reference} の そうだんに つながりました。\nかいた ことは、センターの 人が よみます。"
        : $"受付番号 {reference} のご相談につながりました。ここに書いたことは、相談票に書き加えられ、相談員が読みます。";

    public string NoRepliesYet => IsPlain ? "センターからの へんじは、まだ ありません。" : "相談員からの返信は、まだありません。";

    public string RepliesHeader => IsPlain ? "センターからの へんじです。" : "相談員からの返信です。";

    public string AttachedMenu => IsPlain
        ? "かきたい ことが あれば、かいて ください。"
        : "書き足したいことがあれば、書いてください。";

    public string AppendedToCase => IsPlain ? "かいた ことを センターに つたえました。" : "相談票に書き加えました。相談員が読みます。";

    private const string NoContactLabel = Questions.ContactQuestion.NoneLabel;

    private string PhoneLine(CenterProfile center) =>
        center.Phone.Length == 0 ? string.Empty : IsPlain ? $"\nでんわ：{center.Phone}{Hours(center)}" : $"\nお電話の場合：{center.Phone}{Hours(center)}";

    private static string Hours(CenterProfile center) => center.PhoneHours.Length == 0 ? string.Empty : $"（{center.PhoneHours}）";
}
