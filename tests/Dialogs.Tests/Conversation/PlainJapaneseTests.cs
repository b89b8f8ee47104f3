using System.Text.RegularExpressions;
using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Tests.Conversation;

/// <summary>
/// 本人 mode all the way: once 本人 is chosen, or someone asks for 「やさしい日本語で」, every text and
/// every button the bot sends is やさしい日本語 (出入国在留管理庁・文化庁「在留支援のためのやさしい日本語
/// ガイドライン」): no jargon, no keigo, short sentences. Every reply of whole conversations is checked.
/// </summary>
public sealed partial class PlainJapaneseTests
{
    /// <summary>
    /// Words a plain text must not contain: the jargon of the work (and its kanji), keigo and the
    /// humble forms, and the words the standard texts use where a plain one exists.
    /// </summary>
    public static readonly string[] ForbiddenWords =
    [
        // Jargon and hard kanji words.
        "矯正施設", "矯正", "勾留", "公判", "帰住", "身元引受人", "引受人", "要配慮", "個人情報", "同意", "申請", "被疑者", "被告人", "起訴",
        "釈放", "出所", "退所", "保釈", "執行猶予", "罰金", "医療観察法", "保護観察", "更生保護", "障害者手帳", "障害", "福祉", "機関",
        "支援", "相談員", "受付票", "受付番号", "回答", "入力", "送信", "消去", "出典", "氏名", "年齢", "状況", "連絡先", "本人", "住居",
        "刑務所", "少年院", "拘置所", "警察", "裁判", "逮捕", "事件",
        // Keigo, honorific and humble forms.
        "ご連絡", "ご相談", "ご質問", "ご本人", "ご回答", "ご用件", "ご関係", "ご所属", "お電話", "お名前", "お答え", "お聞き", "おつなぎ",
        "いたします", "いたしま", "でございます", "ございません", "恐れ入りますが", "お手数", "いただ", "頂", "うかが", "伺", "申し上げ",
        "存じ", "承", "くださいませ", "なさい（", "させていただ", "様",
    ];

    // The longest sentence allowed, in characters without spaces and quotes.
    private const int MaxSentenceLength = 30;

    // Names the bot has to say as they are: the center, its phone and hours, the hotline, a place name in an example.
    private static readonly string[] ProperNames =
    [
        ConversationDriver.Center.Name, ConversationDriver.Center.Phone, ConversationDriver.Center.PhoneHours,
        "テスト相談ダイヤル", "0120-000-000", TurnResult.ReferenceNumberPlaceholder, "神奈川県", "横浜市", "山田 太郎", "山田 花子",
    ];

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}{3,}")]
    private static partial Regex LongKanjiWord();

    // A kanji word with its reading in parentheses (「受付番号（うけつけばんごう）」), as the guideline allows where it cannot be avoided.
    [GeneratedRegex(@"(\p{IsCJKUnifiedIdeographs}+)（[\p{IsHiragana} ]+）")]
    private static partial Regex WithReading();

    /// <summary>Everything wrong with one text the bot sent in the plain mode.</summary>
    public static IEnumerable<string> Problems(string text)
    {
        var bare = ProperNames.Aggregate(text, (t, name) => t.Replace(name, "センター", StringComparison.Ordinal));
        // A word given once with its reading may be written in kanji in the rest of the text.
        bare = WithReading().Matches(bare).Select(m => m.Groups[1].Value).Distinct()
            .Aggregate(bare, (t, word) => t.Replace(word, "ことば", StringComparison.Ordinal));
        foreach (var word in ForbiddenWords.Where(w => bare.Contains(w, StringComparison.Ordinal)))
        {
            yield return $"「{word}」 in 「{text}」";
        }

        if (LongKanjiWord().Match(bare) is { Success: true } kanji)
        {
            yield return $"hard kanji word 「{kanji.Value}」 in 「{text}」";
        }

        foreach (var line in bare.Split('\n'))
        {
            // A list line (「・…」) or a data line (「れい：…」「でんわ：…」) is not a sentence.
            if (line.StartsWith('・') || line.Contains('：', StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var sentence in line.Split('。', '？', '！').Select(s => s.Replace(" ", string.Empty, StringComparison.Ordinal)))
            {
                var length = sentence.Count(c => c is not ('「' or '」'));
                if (length > MaxSentenceLength)
                {
                    yield return $"sentence of {length} characters 「{sentence}」";
                }
            }
        }
    }

    /// <summary>Every problem in every reply sent from <paramref name="fromTurn"/> on: texts, buttons and review lines.</summary>
    private static List<string> ProblemsIn(ConversationDriver chat, int fromTurn)
    {
        var problems = new List<string>();
        foreach (var reply in chat.Turns.Skip(fromTurn).SelectMany(t => t.Replies))
        {
            // A knowledge excerpt is quoted from the article as written; its lead-in is the bot's own.
            var text = reply.Article is null ? reply.Text : reply.Text.Split('\n')[0];
            problems.AddRange(Problems(text));
            foreach (var action in reply.Actions)
            {
                problems.AddRange(Problems(action.Title).Select(p => "button " + p));
                Assert.Equal(action.Title, action.Value);
            }

            foreach (var item in reply.Review ?? [])
            {
                problems.AddRange(Problems(item.Label).Select(p => "review label " + p));
                problems.AddRange(Problems(item.Value).Select(p => "review value " + p));
            }
        }

        return problems;
    }

    private static void AssertPlain(List<string> problems) =>
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));

    // Knows the center's one article; a question about anything else is left to the classifier.
    private sealed class CenterAnswerer : IQuestionAnswerer
    {
        public IReadOnlyList<string> SuggestedQuestions => ["加算の対象になる人は？"];

        public KnowledgeAnswer? Answer(string question) =>
            question.Contains("センター", StringComparison.Ordinal)
                ? new KnowledgeAnswer("地域生活定着支援センターは、矯正施設を退所した方の福祉的支援を行います。", new ArticleLink("center", "センターの役割", "seed"))
                : null;
    }

    private static void Press(ConversationDriver chat, string title)
    {
        var button = chat.Last.Replies.SelectMany(r => r.Actions).FirstOrDefault(a => a.Title == title)
                     ?? throw new Xunit.Sdk.XunitException($"No button 「{title}」 in [{string.Join(" / ", chat.Buttons)}] after: {chat.LastText}");
        chat.Send(button.Value);
    }

    /// <summary>Answers whatever is asked from <paramref name="answers"/> (typed or a button's title) until the review.</summary>
    private static void AnswerUntilReview(ConversationDriver chat, Dictionary<IntakeStep, string> answers, bool pressButtons)
    {
        for (var turn = 0; turn < 60 && chat.Step != IntakeStep.Review; turn++)
        {
            if (chat.State.CollectingMore)
            {
                if (pressButtons)
                {
                    Press(chat, "これで ぜんぶ");
                }
                else
                {
                    chat.Send("ない");
                }

                continue;
            }

            if (chat.State.PendingAskBack is not null)
            {
                Press(chat, chat.Buttons[0]);
                continue;
            }

            var answer = answers.TryGetValue(chat.Step, out var a) ? a : throw new Xunit.Sdk.XunitException($"No answer for {chat.Step}: {chat.LastText}");
            if (pressButtons && chat.Buttons.Contains(answer))
            {
                Press(chat, answer);
            }
            else
            {
                chat.Send(answer);
            }
        }

        Assert.Equal(IntakeStep.Review, chat.Step);
    }

    private static readonly Dictionary<IntakeStep, string> SelfWithButtons = new()
    {
        [IntakeStep.SubjectAge] = "45さい",
        [IntakeStep.Disabilities] = "ちてき しょうがい",
        [IntakeStep.Handbooks] = "もって いない",
        [IntakeStep.Stage] = "けいむしょ・しょうねんいんを でた",
        [IntakeStep.LeftFacilityDate] = "11がつ 1にち",
        [IntakeStep.ReturnArea] = "神奈川県",
        [IntakeStep.Housing] = "いまだけ いる ところ（ともだちの いえ など）",
        [IntakeStep.Probation] = "はい",
        [IntakeStep.Needs] = "すむ ところ",
        [IntakeStep.Details] = "とくに ない",
        [IntakeStep.AskerName] = "山田 太郎",
        [IntakeStep.SubjectName] = "山田 太郎（やまだ たろう）",
        [IntakeStep.SubjectNameKana] = "やまだ たろう",
        [IntakeStep.Whereabouts] = "じぶんの いえ・かぞくの いえ",
        [IntakeStep.Contact] = "09012345678",
        [IntakeStep.ContactTime] = "へいじつの ひる",
    };

    private static readonly Dictionary<IntakeStep, string> SelfTyped = new()
    {
        [IntakeStep.SubjectAge] = "45さい",
        [IntakeStep.Disabilities] = "ちてき",
        [IntakeStep.Handbooks] = "りょういく てちょう もってる",
        [IntakeStep.Stage] = "きのう つかまった",
        [IntakeStep.Custody] = "ほしゃく されて いえに いる",
        [IntakeStep.HearingDate] = "らいげつ 10にち",
        [IntakeStep.ReleaseDate] = "らいげつ 10にち",
        [IntakeStep.ReturnArea] = "よこはま",
        [IntakeStep.Housing] = "びょういんに います",
        [IntakeStep.Guarantor] = "いない",
        [IntakeStep.Probation] = "ほごかんさつは もう おわった",
        [IntakeStep.Needs] = "すむところと しごと",
        [IntakeStep.Details] = "いえを さがしたい",
        [IntakeStep.AskerName] = "やまだ たろう です",
        [IntakeStep.SubjectName] = "やまだ たろう",
        [IntakeStep.SubjectNameKana] = "やまだ たろう",
        [IntakeStep.Whereabouts] = "こうえん",
        [IntakeStep.Contact] = "でんわは ない",
        [IntakeStep.ContactVia] = "みなと そうだん しえん じぎょうしょの たなかさん",
        [IntakeStep.ContactTime] = "ごごなら いつでも",
    };

    [Fact]
    public void A_person_who_asks_for_plain_Japanese_on_the_welcome_gets_it_in_every_text_and_button_to_the_end()
    {
        var chat = new ConversationDriver(answerer: new CenterAnswerer());
        var from = chat.Turns.Count;

        Press(chat, "やさしい にほんご");
        Assert.True(chat.State.PlainJapanese);
        Press(chat, "そうだんを はじめる");
        chat.Send("うーん");
        Assert.Equal(IntakeStep.Consent, chat.Step);
        Press(chat, "はい、いいです");
        Assert.True(chat.State.Consented);
        Press(chat, "わたし（ほんにん）");
        Assert.Equal(AskerRole.Self, chat.State.Record.Role);

        // An answer not understood, then help and a question in the middle.
        chat.Send("ぜんぜん だめ");
        Assert.Contains("もう いちど", chat.LastText);
        chat.Send("ヘルプ");
        chat.Send("センターは なにを して くれるの？");
        Assert.Contains("しりょう", chat.LastText);
        chat.Send("ラーメンの おいしい 店を おしえて");
        chat.Send("45さい");

        // Several answers: 「ほかにもありますか？」, then 「これで ぜんぶ」.
        Press(chat, "ちてき しょうがい");
        Assert.True(chat.State.CollectingMore);
        Press(chat, "はったつ しょうがい");
        AnswerUntilReview(chat, SelfWithButtons, pressButtons: true);
        Assert.Equal([Disability.Intellectual, Disability.Developmental], chat.State.Record.Disabilities);
        Assert.Equal(Stage.Released, chat.State.Record.Stage);
        Assert.True(chat.State.Record.HousingUnstable);

        // The review, a correction, and sending.
        Press(chat, "なおす");
        Press(chat, "とし");
        chat.Send("46さい");
        chat.Send("ほげ");
        Press(chat, "これで おくる");
        Assert.Equal(IntakeStep.Done, chat.Step);

        // After sending: 追記, a crisis (the contact is known), a handoff, and quitting.
        chat.Send("くすりも のんで います");
        chat.Send("しにたい");
        chat.Send("ひとと はなしたい");
        chat.Send("やめる");

        AssertPlain(ProblemsIn(chat, from));
    }

    [Fact]
    public void A_person_who_chooses_honnin_and_types_every_answer_gets_plain_Japanese_through_crisis_ask_backs_and_no_contact()
    {
        var chat = new ConversationDriver(answerer: new CenterAnswerer()).SendAll("そうだんしたい", "はい");
        Assert.True(chat.State.Consented);
        var from = chat.Turns.Count;

        chat.Send("じぶんの ことです");
        Assert.True(chat.State.IsPlain());

        // A crisis before any way to reach the person: the way is asked, and there is none.
        chat.Send("しにたい");
        Assert.True(chat.State.AskingCaseContact);
        chat.Send("ぜんぜん");
        chat.Send("ない");
        Assert.False(chat.State.AskingCaseContact);

        // A handoff without a way to reach them: the center cannot call back.
        chat.Send("ひとと はなしたい");

        // A story instead of an answer: what was read is shown in plain words, and confirmed.
        chat.Send("45さいです。きのう けいさつに つかまりました。");
        Assert.Equal(IntakeStep.ConfirmStory, chat.Step);
        Press(chat, "はい");
        AnswerUntilReview(chat, SelfTyped, pressButtons: false);
        Assert.Equal(Stage.Arrested, chat.State.Record.Stage);
        Assert.Contains(chat.Turns, t => t.Replies.Any(r => r.Text.Contains("そういう ことですか？", StringComparison.Ordinal)));
        chat.Send("これで いい");
        Assert.Equal(IntakeStep.Done, chat.Step);
        chat.Send("かぞくと あいたい です");

        AssertPlain(ProblemsIn(chat, from));
    }

    [Fact]
    public void A_family_member_who_writes_yasashii_nihongo_mid_intake_gets_plain_Japanese_from_then_on()
    {
        var chat = new ConversationDriver().SendAll("相談を始める", "同意する", "家族・親族です", "親（父・母）");
        Assert.DoesNotContain("ほんにん", chat.LastText);
        Assert.False(chat.State.IsPlain());
        var from = chat.Turns.Count;

        chat.Send("やさしい日本語で");

        Assert.True(chat.State.PlainJapanese);
        Assert.Equal(AskerRole.Family, chat.State.Record.Role);
        Assert.Contains("ほんにん", chat.LastText);
        AnswerUntilReview(chat, new Dictionary<IntakeStep, string>(SelfTyped)
        {
            [IntakeStep.Stage] = "けいむしょに いる",
            [IntakeStep.SubjectAgrees] = "はい",
            [IntakeStep.Contact] = "09012345678",
        }, pressButtons: false);
        chat.Send("これで いい");
        Assert.Equal(IntakeStep.Done, chat.Step);

        AssertPlain(ProblemsIn(chat, from));
    }

    [Fact]
    public void The_rarer_texts_are_plain_too_welcome_back_going_back_moving_on_refusing_and_questions_only()
    {
        var chat = new ConversationDriver(answerer: new CenterAnswerer()).SendAll("相談を始める", "同意する", "本人です");
        var from = chat.Turns.Count;

        chat.Send(UserInput.Started);
        Assert.Contains("おかえりなさい", chat.LastText);
        chat.Send("もどる");
        chat.Send("もどる");
        chat.Send("本人です");
        chat.SendAll("ぜんぜん", "ぜんぜん", "ぜんぜん");
        Assert.Contains("つぎの しつもんに いきます", chat.Turns[^1].Replies[0].Text);
        chat.Send("やめる");
        Press(chat, "そうだんを はじめる");
        Press(chat, "いいえ、いやです");
        Assert.Equal(IntakeStep.QuestionsOnly, chat.Step);
        chat.Send("センターって なに");
        chat.Send("あしたの てんきは");

        AssertPlain(ProblemsIn(chat, from));
    }

    [Theory]
    [InlineData("やさしい日本語で")]
    [InlineData("やさしいにほんごで")]
    [InlineData("かんたんな ことばで")]
    [InlineData("ひらがなで おねがい")]
    [InlineData("やさしい にほんご")]
    public void Asking_for_plain_Japanese_is_understood_however_it_is_written(string request)
    {
        var chat = new ConversationDriver().SendAll("相談を始める");

        chat.Send(request);

        Assert.True(chat.State.PlainJapanese);
        Assert.Equal(IntakeStep.Consent, chat.Step);
        Assert.Contains("はい、いいです", chat.Buttons);
    }

    [Theory]
    [InlineData("ひらがなで やまだ たろう")]
    [InlineData("やさしい日本語を勉強しています")]
    [InlineData("かんたんな ことばで いうと いえが ない")]
    public void A_message_that_only_contains_the_words_is_not_a_request_for_plain_Japanese(string text)
    {
        Assert.False(InputSignals.AsksForPlainJapanese(text));
    }

    [Theory]
    [InlineData("やさしい日本語でお願いします")]
    [InlineData("ひらがなで かいて ください")]
    [InlineData("簡単な日本語にしてください")]
    public void A_polite_request_for_plain_Japanese_is_one(string text)
    {
        Assert.True(InputSignals.AsksForPlainJapanese(text));
    }

    [Theory]
    [InlineData("いいえ、いやです")]
    [InlineData("いやです")]
    [InlineData("いや")]
    [InlineData("いいえ")]
    [InlineData("いいです いいえ")]
    [InlineData("よく わからない")]
    public void In_plain_words_only_a_clear_yes_is_consent(string reply)
    {
        var chat = new ConversationDriver().SendAll("やさしい にほんご", "そうだんを はじめる");
        Assert.Equal(IntakeStep.Consent, chat.Step);

        chat.Send(reply);

        Assert.False(chat.State.Consented);
        Assert.DoesNotContain("だれの そうだん", chat.LastText);
    }

    [Theory]
    [InlineData("はい、いいです")]
    [InlineData("はい")]
    public void In_plain_words_the_yes_button_and_a_typed_yes_are_consent(string reply)
    {
        var chat = new ConversationDriver().SendAll("やさしい にほんご", "そうだんを はじめる");

        chat.Send(reply);

        Assert.True(chat.State.Consented);
        Assert.Contains("だれの そうだん", chat.LastText);
    }

    [Fact]
    public void Crisis_words_in_a_request_for_plain_Japanese_get_the_crisis_guidance()
    {
        var chat = new ConversationDriver().SendAll("相談を始める");

        chat.Send("しにたい ひらがなで");

        Assert.Contains(chat.Effects.OfType<CreateTicket>(), t => t.Kind == TicketKind.Crisis);
        Assert.Contains("110", chat.LastText);
    }

    [Fact]
    public void The_standard_wording_is_kept_for_everyone_who_did_not_ask_for_plain_Japanese()
    {
        var chat = new ConversationDriver().SendAll("相談を始める", "同意する", "家族・親族です");

        Assert.Contains("ご本人", chat.LastText);
        Assert.Contains("親（父・母）", chat.Buttons);
    }

    [Fact]
    public void Every_plain_label_reads_back_as_the_one_standard_label_it_stands_for()
    {
        var plain = PlainLabels.All;

        Assert.Equal(plain.Count, plain.Values.Select(IntakeBot.Dialogs.Parsing.JapaneseText.Normalize).Distinct().Count());
        Assert.All(plain.Values, label => Assert.Empty(Problems(label)));
    }

    [Fact]
    public void A_state_saved_before_the_plain_mode_existed_loads_in_the_standard_wording()
    {
        var state = IntakeStateSerializer.Deserialize("""{"step":"SubjectAge","consented":true,"record":{"role":"Family"}}""");

        Assert.False(state.PlainJapanese);
        Assert.False(state.IsPlain());
    }

    [Fact]
    public void A_place_name_in_two_prefectures_is_asked_back_in_plain_Japanese_and_the_plain_button_still_chooses()
    {
        var chat = new ConversationDriver().SendAll("相談を始める", "同意する", "本人です");
        var answers = new Dictionary<IntakeStep, string>(SelfTyped) { [IntakeStep.Stage] = "けいむしょを でた", [IntakeStep.LeftFacilityDate] = "せんげつ" };
        for (var turn = 0; turn < 20 && chat.Step != IntakeStep.ReturnArea; turn++)
        {
            chat.Send(chat.State.CollectingMore ? "ない" : answers[chat.Step]);
        }

        chat.Send("ふちゅう");

        Assert.Equal("どこの 府中市ですか？", chat.LastText);
        Assert.Contains("ほかの ところ", chat.Buttons);
        Press(chat, "ほかの ところ");
        Assert.Equal(IntakeStep.ReturnArea, chat.Step);
        Assert.Contains("もう いちど ききます", chat.LastText);
    }

    public static TheoryData<AskerRole> AllRoles => [AskerRole.Self, AskerRole.Family, AskerRole.Lawyer, AskerRole.Supporter];

    [Theory]
    [MemberData(nameof(AllRoles))]
    public void Every_question_has_a_plain_prompt_plain_buttons_and_a_plain_example_whoever_asks_at_every_stage(AskerRole role)
    {
        var catalog = new IntakeConversation(ConversationDriver.Center).Catalog;
        var problems = new List<string>();
        foreach (var stage in Enum.GetValues<Stage>())
        {
            foreach (var way in Enum.GetValues<ContactWay>())
            {
                var record = new IntakeRecord { Role = role, Stage = stage, ContactWay = way };
                foreach (var question in catalog.All)
                {
                    var plain = question.Prompt(record, plain: true);
                    Assert.NotEqual(question.Prompt(record), plain);
                    Assert.True(question.PlainExample.Length > 0, $"{question.Step} has no plain example");
                    problems.AddRange(Problems(plain).Select(p => $"{question.Step}: {p}"));
                    problems.AddRange(Problems(question.PlainExample).Select(p => $"{question.Step} example: {p}"));
                    problems.AddRange(question.Buttons(record).SelectMany(b => Problems(PlainLabels.ToPlain(b))).Select(p => $"{question.Step} button: {p}"));
                    problems.AddRange(Problems(PlainLabels.ToPlain(question.Label)).Select(p => $"{question.Step} label: {p}"));
                }
            }
        }

        AssertPlain(problems);
    }

    [Fact]
    public void The_checker_finds_jargon_keigo_and_long_sentences()
    {
        Assert.NotEmpty(Problems("矯正施設"));
        Assert.NotEmpty(Problems("ご連絡いたします。"));
        Assert.NotEmpty(Problems("ご本人の帰住予定地を教えてください。"));
        Assert.NotEmpty(Problems("あなたが いま すんで いる ところの なまえと ばしょを くわしく おしえて ください。"));
        Assert.Empty(Problems("すむ ところは ありますか？"));
        Assert.Empty(Problems("受付番号（うけつけばんごう）を つたえます。\n受付番号は 1です。"));
        Assert.NotEmpty(Problems("受付番号は 1です。"));
    }
}
