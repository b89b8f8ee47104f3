using IntakeBot.Dialogs.Center;
using IntakeBot.Dialogs.Language;
using IntakeBot.Dialogs.Parsing;
using IntakeBot.Dialogs.Questions;
using IntakeBot.Dialogs.Records;
using IntakeBot.Dialogs.Triage;
using IntakeBot.Dialogs.Understanding;

namespace IntakeBot.Dialogs.Conversation;

/// <summary>
/// The conversation core: a pure function of (saved state, user input, clock) to
/// (new state, replies, side effects). No I/O; the saved state is never modified, so a host
/// can retry or replay a turn after a crash.
/// </summary>
public sealed class IntakeConversation
{
    /// <summary>The center works in Japan time; "today" and relative dates are JST.</summary>
    public static readonly TimeSpan CenterUtcOffset = TimeSpan.FromHours(9);

    // A message this short that parses as an answer is an answer even with a 「？」 (「12月3日？」).
    private const int ShortAnswerLength = 12;
    private const int FailuresBeforeOfferingAPerson = 2;
    // Shorter messages are single answers; a story is read only from something longer.
    private const int StoryMinLength = 15;
    // One fact is just an answer; a story states at least two.
    private const int StoryMinFacts = 2;
    private const int MaxDetailsLength = 1000;
    private const int MaxFaqButtons = 5;

    private readonly CenterProfile _center;
    private readonly IQuestionAnswerer _answerer;
    private readonly QuestionCatalog _catalog;
    private readonly LocalLanguageDetector _languages = new();

    public IntakeConversation(CenterProfile center, IQuestionAnswerer? answerer = null)
    {
        _center = center;
        _answerer = answerer ?? NoKnowledge.Instance;
        _catalog = new QuestionCatalog(center);
    }

    public QuestionCatalog Catalog => _catalog;

    public static DateOnly CenterDate(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(CenterUtcOffset).DateTime);

    public TurnResult Handle(IntakeState saved, UserInput input, DateTimeOffset now)
    {
        var turn = new Turn(saved.Clone(), input, now);
        if (input.Desk is { } desk)
        {
            OnDeskEvent(turn, desk);
        }
        else if (input.IsConversationStart)
        {
            OnConversationStarted(turn);
        }
        else
        {
            OnMessage(turn, input.Text);
        }

        turn.ReleaseFlow();
        return turn.Result();
    }

    private void OnConversationStarted(Turn turn)
    {
        if (turn.State.Step == IntakeStep.Welcome)
        {
            SayWelcome(turn);
            return;
        }

        if (turn.State.Coordinator is { } coordinator)
        {
            // In human mode the coordinator answers; the page only learns who is there.
            turn.Say(turn.Words.CoordinatorStillHere(coordinator.Name));
            return;
        }

        turn.Say(turn.Words.WelcomeBack);
        AskCurrent(turn);
    }

    /// <summary>
    /// A desk event. A coordinator other than the one who joined changes nothing (the host reads
    /// the unchanged <see cref="IntakeState.Coordinator"/> and refuses); the question the person
    /// was on is kept throughout and asked again, resuming, at the handback.
    /// </summary>
    private void OnDeskEvent(Turn turn, DeskEvent desk)
    {
        var state = turn.State;
        var joined = state.Coordinator;
        var by = desk.Coordinator;
        if (desk.Kind != DeskEventKind.NobodyJoined && (by is null || (joined is not null && joined.Id != by.Id)))
        {
            return;
        }

        switch (desk.Kind)
        {
            case DeskEventKind.Join:
            case DeskEventKind.Message:
                if (joined is null)
                {
                    state.Coordinator = by! with { JoinedAt = turn.Now };
                    state.WaitingForPersonSince = null;
                    turn.Say(turn.Words.CoordinatorJoined(by!.Name));
                }

                if (desk.Kind == DeskEventKind.Message && !string.IsNullOrWhiteSpace(desk.Text))
                {
                    turn.Add(new BotReply(desk.Text, [], Coordinator: state.Coordinator));
                }

                break;
            case DeskEventKind.Handback when joined is not null:
                state.Coordinator = null;
                turn.Say(turn.Words.BackToBot);
                AskCurrent(turn, resuming: true);
                break;
            case DeskEventKind.NobodyJoined when joined is null && state.WaitingForPersonSince is not null:
                state.WaitingForPersonSince = null;
                turn.Say(turn.Words.NobodyJoined(_center));
                AfterCaseTicket(turn);
                break;
        }
    }

    private void OnMessage(Turn turn, string text)
    {
        var normalized = JapaneseText.Normalize(text);
        if (normalized.Length == 0 && turn.State.Coordinator is not null)
        {
            return;
        }

        if (normalized.Length == 0)
        {
            turn.Say(turn.Words.EmptyMessage);
            AskCurrent(turn);
            return;
        }

        turn.Heard(text);
        if (PlainLabels.ToStandard(normalized) is { } standard)
        {
            // A plain button (「けいむしょ・しょうねんいん」) means its standard label to every parser.
            text = standard;
            normalized = JapaneseText.Normalize(standard);
        }

        if (InputSignals.IsCrisis(normalized))
        {
            OnCrisis(turn, text);
            return;
        }

        if (turn.State.Coordinator is not null)
        {
            // Human mode: the coordinator answers. Only leaving (「やめる」) is still the bot's.
            if (InputSignals.Command(normalized) == GlobalCommand.Quit)
            {
                OnCommand(turn, GlobalCommand.Quit);
            }

            return;
        }

        // Crisis words come first, even in a request for plain words.
        if (InputSignals.AsksForPlainJapanese(normalized))
        {
            turn.State.PlainJapanese = true;
            turn.Say(turn.Words.SwitchedToPlain);
            if (turn.State.Step == IntakeStep.Welcome)
            {
                SayWelcome(turn);
            }
            else
            {
                AskCurrent(turn);
            }

            return;
        }

        if (InputSignals.Command(normalized) is { } command)
        {
            OnCommand(turn, command);
            return;
        }

        if (turn.State.AskingCaseContact)
        {
            OnCaseContactReply(turn, text, normalized);
            return;
        }

        // Before the language check: a reference number and a code are Latin letters and digits.
        if (turn.State.Step is IntakeStep.Reattach or IntakeStep.Attached
            || (turn.State.Step is IntakeStep.Welcome or IntakeStep.QuestionsOnly
                && (normalized.Contains(Phrases.ComeBackToCase, StringComparison.Ordinal) || CaseKey.IsMentionedIn(text))))
        {
            OnCaseLink(turn, text, normalized);
            return;
        }

        // Outside the questions, a message in another language can only be the writer not
        // reading Japanese; inside them it is first tried as an answer (a romaji name is one).
        if (!_catalog.IsQuestion(turn.State.Step) && SayNoticeIfForeign(turn, normalized))
        {
            return;
        }

        switch (turn.State.Step)
        {
            case IntakeStep.Welcome:
                OnWelcomeReply(turn, text, normalized);
                break;
            case IntakeStep.Consent:
                OnConsentReply(turn, normalized);
                break;
            case IntakeStep.QuestionsOnly:
                OnQuestionsOnlyMessage(turn, normalized);
                break;
            case IntakeStep.Review:
                OnReviewReply(turn, normalized);
                break;
            case IntakeStep.ChooseEdit:
                OnEditChoice(turn, normalized);
                break;
            case IntakeStep.ConfirmStory:
                OnStoryConfirmation(turn, normalized);
                break;
            case IntakeStep.Done:
                OnMessageAfterDone(turn, text, normalized);
                break;
            default:
                OnAnswer(turn, text, normalized);
                break;
        }
    }

    private void OnCrisis(Turn turn, string text)
    {
        turn.Say(turn.Words.Crisis(_center));
        if (turn.State.TicketsRequested.Add(TicketKind.Crisis))
        {
            // Life and safety come before the consent gate (APPI allows it when a life is at
            // stake), but without consent only the crisis message itself is passed on.
            var state = turn.State;
            var record = state.Consented ? state.Record.Clone() : new IntakeRecord();
            IReadOnlyList<TranscriptEntry> transcript = state.Consented
                ? [.. state.Transcript]
                : [new TranscriptEntry(true, text, turn.Now)];
            turn.Do(new CreateTicket(
                TicketKind.Crisis, state.IntakeNumber, record,
                TriageRules.Evaluate(record, turn.Today, _center, crisis: true), transcript));
        }

        if (turn.State.Coordinator is not null)
        {
            // The coordinator is in the chat and reads this; the bot asks nothing meanwhile.
            return;
        }

        AfterCaseTicket(turn);
    }

    /// <summary>
    /// After crisis guidance or a handoff ticket: the person is told the center will call only
    /// when the case holds a way to reach them; otherwise that way is asked now, or, when they
    /// said there is none, they are told plainly that the center cannot call and given its phone.
    /// </summary>
    private void AfterCaseTicket(Turn turn)
    {
        var state = turn.State;
        switch (KnownContact(state))
        {
            case { CanReach: true }:
                turn.Say(turn.Words.PassedOn);
                AskCurrent(turn, resuming: true);
                break;
            case { } none:
                turn.Say(turn.Words.CannotCallBack(_center, none));
                AskCurrent(turn, resuming: true);
                break;
            default:
                state.AskingCaseContact = true;
                state.CaseContactFailures = 0;
                AskCurrent(turn);
                break;
        }
    }

    /// <summary>
    /// The way to reach the person this case holds: the intake's answer, or what was given at a
    /// crisis or handoff (a way given after 「連絡先はない」 reached the case's tickets too, so a way wins).
    /// </summary>
    private static CaseContact? KnownContact(IntakeState state)
    {
        var answered = state.Answered.Contains(IntakeStep.Contact) ? CaseContact.Of(state.Record) : null;
        return state.CaseContact is { CanReach: true } given && answered is not { CanReach: true } ? given : answered ?? state.CaseContact;
    }

    private void OnCaseContactReply(Turn turn, string text, string normalized)
    {
        var state = turn.State;
        var parsed = ContactQuestion.Parse(text);
        if (!parsed.IsValue && InputSignals.LooksLikeQuestion(normalized) && normalized.Length > ShortAnswerLength)
        {
            AnswerQuestion(turn, normalized);
            AskCurrent(turn);
            return;
        }

        if (!parsed.IsValue && ++state.CaseContactFailures < FailuresBeforeOfferingAPerson)
        {
            turn.Say(turn.Words.CaseContactAgain(parsed.Problem));
            AskCurrent(turn);
            return;
        }

        // Twice not a way: nobody is kept at this question; the case records that there is none.
        var contact = parsed.IsValue ? parsed.Value! : new CaseContact(ContactWay.None);
        state.AskingCaseContact = false;
        state.CaseContactFailures = 0;
        state.CaseContact = contact;
        turn.Do(new AddContactToCase(state.IntakeNumber, contact));
        PrefillContact(turn);
        turn.Say(contact.CanReach ? turn.Words.CaseContactSaved : turn.Words.CannotCallBack(_center, contact));
        AskCurrent(turn, resuming: true);
    }

    /// <summary>A way given at a crisis or handoff is the intake's answer too, so it is not asked twice.</summary>
    private static void PrefillContact(Turn turn)
    {
        var state = turn.State;
        if (state.CaseContact is not { } contact || !state.Consented || state.Answered.Contains(IntakeStep.Contact)
            || state.Step is IntakeStep.Done or IntakeStep.Review or IntakeStep.ChooseEdit)
        {
            return;
        }

        contact.StoreIn(state.Record);
        state.Answered.Add(IntakeStep.Contact);
        if (state.Step == IntakeStep.Contact)
        {
            turn.Flow.Answered();
        }
    }

    private void OnCommand(Turn turn, GlobalCommand command)
    {
        var state = turn.State;
        var flow = turn.Flow;
        switch (command)
        {
            case GlobalCommand.Back when flow.CanGoBack:
                flow.GoBack();
                state.FailedAttempts = 0;
                state.PendingAskBack = null;
                state.CollectingMore = false;
                AskCurrent(turn);
                break;
            case GlobalCommand.Back:
                turn.Say(turn.Words.CannotGoBack);
                AskCurrent(turn);
                break;
            case GlobalCommand.Restart:
                StartOver(turn, keepConsent: true);
                SayWelcome(turn);
                break;
            case GlobalCommand.Help:
                turn.Say(turn.Words.Help);
                AskCurrent(turn);
                break;
            case GlobalCommand.Handoff:
                OnHandoff(turn);
                break;
            case GlobalCommand.Quit:
                StartOver(turn, keepConsent: false);
                state.Transcript.Clear();
                turn.Do(new DeleteConversationData());
                turn.Say(turn.Words.Quit, [new SuggestedAction(Phrases.StartIntake), new SuggestedAction(Phrases.AboutCenter)]);
                break;
        }
    }

    private void OnHandoff(Turn turn)
    {
        var state = turn.State;
        var ticket = state.Consented && state.Step != IntakeStep.Done;
        if (ticket && state.TicketsRequested.Add(TicketKind.Handoff))
        {
            var record = state.Record.Clone();
            turn.Do(new CreateTicket(
                TicketKind.Handoff, state.IntakeNumber, record,
                TriageRules.Evaluate(record, turn.Today, _center, crisis: state.TicketsRequested.Contains(TicketKind.Crisis)), [.. state.Transcript]));
            // The handoff ticket's number and code: the person can come back to it from another device.
            turn.Say(turn.Words.CaseKeyIssued(withReference: true));
        }

        if (ticket && _center.Hours.IsOpen(turn.Now))
        {
            // A person can come: the desk rings until someone joins or the wait runs out
            // (then NobodyJoined says so and asks how to reach the person).
            state.WaitingForPersonSince ??= turn.Now;
            turn.Say(turn.Words.CallingAPerson);
            return;
        }

        if (ticket && _center.Hours.IsConfigured)
        {
            turn.Say(turn.Words.OutsideHours(_center));
        }

        if (ticket && KnownContact(state) is not { CanReach: true })
        {
            turn.Say(turn.Words.Handoff(_center, ticketCreated: true, canReach: false));
            AfterCaseTicket(turn);
            return;
        }

        turn.Say(turn.Words.Handoff(_center, ticket, canReach: ticket));
        AskCurrent(turn);
    }

    private void OnWelcomeReply(Turn turn, string text, string normalized)
    {
        if (normalized.Contains(Phrases.AboutCenter, StringComparison.Ordinal))
        {
            AnswerQuestion(turn, Phrases.AboutCenterQuestion);
            SayFaqMenu(turn, Phrases.StartIntake);
            return;
        }

        var kind = IsFaq(normalized) ? UtteranceKind.Question : Classify(normalized);
        if (IsFaq(normalized)
            || (IsAsking(kind) && !normalized.Contains(Phrases.StartIntake, StringComparison.Ordinal)))
        {
            AnswerOrDecline(turn, normalized, kind);
            SayWelcomeMenu(turn);
            return;
        }

        // Anything else (the button, 「相談したい」, or a first story) starts the intake. A story
        // is only read once the person has consented; if they refuse, it is deleted unread.
        var isStory = normalized.Length >= StoryMinLength && !normalized.Contains(Phrases.StartIntake, StringComparison.Ordinal);
        BeginIntake(turn, isStory ? text : null);
    }

    private void BeginIntake(Turn turn, string? story = null)
    {
        var flow = turn.Flow;
        flow.Start();
        if (!turn.State.Consented)
        {
            turn.State.StoryBeforeConsent = story;
        }
        else
        {
            flow.AcceptConsent();
            PrefillContact(turn);
            if (story is not null)
            {
                OfferStory(turn, story);
            }
        }

        AskCurrent(turn);
    }

    private void OnConsentReply(Turn turn, string normalized)
    {
        var flow = turn.Flow;
        // Only a clear yes is consent (SECURITY.md row 23); a refusal is the 「同意しない」 button.
        var decision = normalized switch
        {
            Phrases.Agree => ConsentDecision.Agree,
            Phrases.Disagree => ConsentDecision.Refuse,
            _ => ConsentReader.Read(normalized),
        };

        if (decision == ConsentDecision.Agree)
        {
            turn.State.Consented = true;
            flow.AcceptConsent();
            PrefillContact(turn);
            turn.Heard(Phrases.Agree);
            if (turn.State.StoryBeforeConsent is { } story)
            {
                turn.State.StoryBeforeConsent = null;
                turn.Heard(story);
                OfferStory(turn, story);
            }

            AskCurrent(turn);
        }
        else if (decision == ConsentDecision.Refuse)
        {
            flow.DeclineConsent();
            turn.State.Transcript.Clear();
            turn.State.StoryBeforeConsent = null;
            turn.State.CaseContact = null;
            turn.Do(new DeleteConversationData());
            turn.Say(turn.Words.QuestionsOnly, [new SuggestedAction(Phrases.AboutCenter), new SuggestedAction(Phrases.StartWithConsent)]);
        }
        else if (Classify(normalized) is var kind && IsAsking(kind))
        {
            AnswerOrDecline(turn, normalized, kind);
            AskCurrent(turn);
        }
        else
        {
            turn.Say(turn.Words.ConsentAgain);
            AskCurrent(turn);
        }
    }

    private void OnQuestionsOnlyMessage(Turn turn, string normalized)
    {
        if (normalized.Contains(Phrases.StartWithConsent, StringComparison.Ordinal) || normalized == Phrases.StartIntake)
        {
            turn.Flow.Start();
            AskCurrent(turn);
            return;
        }

        // Someone who declined and now types 「同意します」 is shown the notice again and decides there.
        if (ConsentReader.Read(normalized) == ConsentDecision.Agree)
        {
            turn.Flow.Start();
            AskCurrent(turn);
            return;
        }

        var question = normalized == Phrases.AboutCenter ? Phrases.AboutCenterQuestion : normalized;
        var kind = Classify(question);
        if (kind is UtteranceKind.Answer or UtteranceKind.Story && !IsFaq(normalized) && normalized != Phrases.AboutCenter)
        {
            // 「母です」 or a story told without consent: nothing is kept, and the way to consent is shown.
            turn.Say(Phrases.ConsentFirst, [new SuggestedAction(Phrases.StartWithConsent), new SuggestedAction(Phrases.AboutCenter), new SuggestedAction(Phrases.TalkToPerson)]);
            return;
        }

        AnswerOrDecline(turn, question, kind == UtteranceKind.OutOfScope ? UtteranceKind.OutOfScope : UtteranceKind.Question);
        SayFaqMenu(turn, Phrases.StartWithConsent);
    }

    private bool IsFaq(string normalized) =>
        _answerer.SuggestedQuestions.Any(q => JapaneseText.Normalize(q) == normalized);

    /// <summary>The starter questions as buttons, so nobody has to know what to ask.</summary>
    private void SayFaqMenu(Turn turn, string startLabel)
    {
        // The starter questions are the articles' own titles, not plain Japanese; 本人 writes a question instead.
        var actions = _answerer.SuggestedQuestions
            .Where(_ => !turn.Words.IsPlain)
            .Where(q => JapaneseText.Normalize(q) != JapaneseText.Normalize(Phrases.AboutCenterQuestion + "？"))
            .Take(MaxFaqButtons)
            .Select(q => new SuggestedAction(q))
            .Append(new SuggestedAction(startLabel))
            .Append(new SuggestedAction(Phrases.TalkToPerson))
            .ToList();
        turn.Say(turn.Words.FaqMenu, actions);
    }

    private void OnAnswer(Turn turn, string text, string normalized)
    {
        var state = turn.State;
        var question = _catalog[state.Step];
        if (state.PendingAskBack is { } askBack)
        {
            state.PendingAskBack = null;
            if (OnAskBackReply(turn, question, askBack, normalized))
            {
                return;
            }
        }

        if (state.CollectingMore && question is IMultiAnswerQuestion multi)
        {
            OnMoreAnswers(turn, multi, text, normalized);
            return;
        }
        var isFreeText = question is TextQuestion;
        var kind = Classify(normalized, expectingAnswer: true);
        var looksLikeQuestion = IsAsking(kind)
                                && (!isFreeText || (state.Step != IntakeStep.Details && normalized.EndsWith('?')));

        if (looksLikeQuestion && normalized.Length > ShortAnswerLength)
        {
            if (SayNoticeIfForeign(turn, normalized))
            {
                return;
            }

            // 「息子が逮捕されました。障がいがあります。何をしてもらえますか？」 is a question and a story.
            AnswerOrDecline(turn, normalized, kind);
            var storyOffered = !isFreeText && !state.Editing && OfferStory(turn, text);
            AskCurrent(turn, resuming: !storyOffered);
            return;
        }

        if (!isFreeText && !state.Editing && normalized.Length >= StoryMinLength && OfferStory(turn, text))
        {
            AskCurrent(turn);
            return;
        }

        var check = question.Apply(text, state.Record, turn.Today);
        if (check.Accepted)
        {
            Stored(turn, question, check);
            return;
        }

        if (check.AskBack is { } confirm)
        {
            // Not sure enough to store: ask back in one sentence, store only what is chosen.
            state.PendingAskBack = confirm;
            AskCurrent(turn);
            return;
        }

        if (looksLikeQuestion)
        {
            AnswerOrDecline(turn, normalized, kind);
            AskCurrent(turn, resuming: true);
            return;
        }

        if (SayNoticeIfForeign(turn, normalized))
        {
            return;
        }

        state.FailedAttempts++;
        if (state.FailedAttempts > FailuresBeforeOfferingAPerson && question.AllowsUnknown
            && question.Apply(Question.UnknownLabel, state.Record, turn.Today).Accepted)
        {
            // A third miss after the buttons were offered: move on rather than loop.
            turn.Say(turn.Words.MovingOnAsUnknown);
            Stored(turn, question, AnswerCheck.Stored);
            return;
        }

        turn.Say(turn.Words.AskAgain(check.Problem, question.Example, question.PlainExample));
        AskCurrent(turn);
    }

    /// <summary>Records an accepted answer and goes on, unless a 「すべて」 question wants more.</summary>
    private void Stored(Turn turn, Question question, AnswerCheck check)
    {
        var state = turn.State;
        state.FailedAttempts = 0;
        // 本人 keeps the plain wording even if the role is corrected later: they chose it first.
        state.PlainJapanese |= state.Record.Role == AskerRole.Self;
        state.Answered.Add(state.Step);
        state.Answered.UnionWith(check.AlsoAnswered);
        if (question is IMultiAnswerQuestion multi && multi.ChosenCount(state.Record) == 1 && multi.WantsMore(state.Record))
        {
            state.CollectingMore = true;
            AskCurrent(turn);
            return;
        }

        turn.Flow.Answered();
        AskCurrent(turn);
    }

    /// <summary>
    /// The reply to an ask-back: an option stores its answer (or, for 「いいえ」, asks the question
    /// again). Returns false when the reply chose no option, so it is read as a new answer.
    /// </summary>
    private bool OnAskBackReply(Turn turn, Question question, AskBack askBack, string normalized)
    {
        var option = askBack.Options.FirstOrDefault(o => JapaneseText.Normalize(o.Label) == normalized);
        if (option is null && askBack.Options.Count == 2 && askBack.Options[1].Answer is null
            && AnswerParsers.YesNo(normalized) is { IsValue: true } yesNo)
        {
            option = askBack.Options[yesNo.Value ? 0 : 1];
        }

        if (option is null && askBack.Options.Count > 2)
        {
            var choices = askBack.Options.Select((o, i) => new Choice<int>(i, o.Label)).ToList();
            if (AnswerParsers.Choice(normalized, choices) is { IsValue: true } picked)
            {
                option = askBack.Options[picked.Value];
            }
        }

        if (option is null)
        {
            return false;
        }

        if (option.Answer is null || question.Apply(option.Answer, turn.State.Record, turn.Today) is not { Accepted: true } check)
        {
            turn.Say(turn.Words.AskBackDeclined);
            AskCurrent(turn);
            return true;
        }

        Stored(turn, question, check);
        return true;
    }

    /// <summary>「ほかにもありますか？」: more options are added until the person says that was all.</summary>
    private void OnMoreAnswers(Turn turn, IMultiAnswerQuestion question, string text, string normalized)
    {
        var state = turn.State;
        if (normalized == Phrases.ThatIsAll || IsNothingMore(normalized))
        {
            state.CollectingMore = false;
            turn.Flow.Answered();
            AskCurrent(turn);
            return;
        }

        if (question.AddMore(text, state.Record))
        {
            if (!question.WantsMore(state.Record))
            {
                state.CollectingMore = false;
                turn.Flow.Answered();
            }

            AskCurrent(turn);
            return;
        }

        if (InputSignals.LooksLikeQuestion(normalized))
        {
            AnswerQuestion(turn, normalized);
            AskCurrent(turn, resuming: true);
            return;
        }

        turn.Say(turn.Words.IsPlain ? $"{turn.Words.NotUnderstood}\n{turn.Words.MoreOrAll}" : $"{Phrases.NotUnderstood}{Phrases.MoreOrAll}");
        AskCurrent(turn);
    }

    private static bool IsNothingMore(string normalized)
    {
        var bare = normalized.TrimEnd('。', '.', '!', '、', ' ');
        return bare is "これで全部" or "これでぜんぶ" or "全部" or "ぜんぶ" or "以上" or "いじょう" or "以上です" or "それだけ" or "それだけです"
                   or "これだけ" or "これだけです" or "ない" or "ないです" or "なし" or "ありません" or "もうない" or "もうありません"
                   or "ほかにはない" or "ほかにはありません" or "他にはない" or "他にはありません" or "特にない" or "とくにない" or "特にありません"
                   or "いいえ" or "大丈夫" or "大丈夫です" or "終わり" or "おわり" or "それで全部" or "それでぜんぶ" or "ほかにない" or "他にない";
    }

    /// <summary>
    /// Someone writing in another language gets a fixed reply in it (the center's phone and any
    /// multilingual line), and the conversation goes on where it was.
    /// </summary>
    private bool SayNoticeIfForeign(Turn turn, string normalized)
    {
        if (_languages.Detect(normalized) is not { IsJapanese: false } language
            || ForeignLanguageNotice.For(language, _center, _center.MultilingualLine) is not { } notice)
        {
            return false;
        }

        turn.Say(notice);
        AskCurrent(turn);
        return true;
    }

    private void OnReviewReply(Turn turn, string normalized)
    {
        var flow = turn.Flow;
        // 本人 writes with spaces between phrases (「これで いい」).
        var compact = normalized.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (normalized == Phrases.Send || compact is "はい" or "送信" or "OK" or "大丈夫です" or "それでいい" or "これでいい" or "これでおくる" or "おくる")
        {
            Finish(turn, flow);
        }
        else if (normalized == Phrases.Fix || normalized.Contains("直", StringComparison.Ordinal) || normalized.Contains("修正", StringComparison.Ordinal))
        {
            flow.ChooseAnswerToEdit();
            AskCurrent(turn);
        }
        else if (Classify(normalized) is var kind && IsAsking(kind))
        {
            AnswerOrDecline(turn, normalized, kind);
            AskCurrent(turn, resuming: true);
        }
        else
        {
            turn.Say(turn.Words.ReviewAgain);
            AskCurrent(turn);
        }
    }

    private void Finish(Turn turn, IntakeFlow flow)
    {
        var state = turn.State;
        var path = IntakeFlow.PathFor(state.Record);
        foreach (var step in state.Answered.Where(s => _catalog.IsQuestion(s) && !path.Contains(s)).ToList())
        {
            _catalog[step].Clear(state.Record);
            state.Answered.Remove(step);
        }

        flow.Confirm();
        var record = state.Record.Clone();
        // A crisis said in this conversation's intake is part of the same case: it raises the intake's triage.
        var triage = TriageRules.Evaluate(record, turn.Today, _center, crisis: state.TicketsRequested.Contains(TicketKind.Crisis));
        var filing = state.TicketsRequested.Add(TicketKind.Intake);
        var done = turn.Words.Done(_center, record, triage);
        // The code to come back with is made by the host with the ticket: only a turn that files one shows it.
        turn.Say(filing ? $"{done}\n{turn.Words.CaseKeyIssued(withReference: false)}" : done, [new SuggestedAction(Phrases.NewIntake)]);
        if (filing)
        {
            turn.Do(new CreateTicket(TicketKind.Intake, state.IntakeNumber, record, triage, [.. state.Transcript]));
        }
    }

    /// <summary>
    /// Reads the facts a message states that are not answered yet, and if there are enough to be
    /// a story, moves to the confirmation. Nothing is stored until the person says they are right.
    /// </summary>
    private bool OfferStory(Turn turn, string text)
    {
        var state = turn.State;
        var facts = StoryReader.Read(text, turn.Today);
        facts.Steps.RemoveAll(state.Answered.Contains);
        var ruleFacts = facts.Steps.Count;
        var supplied = turn.Input.Story is { } story && story.Text == text && AddSuppliedFacts(facts, story.Facts, state);
        turn.StoryRead = new StoryReading(text, ruleFacts, supplied);
        if (facts.Steps.Count < StoryMinFacts)
        {
            return false;
        }

        if (!state.Answered.Contains(IntakeStep.Details))
        {
            var details = text.Trim();
            facts.Record.Details = details.Length > MaxDetailsLength ? details[..MaxDetailsLength] : details;
            facts.Steps.Add(IntakeStep.Details);
        }

        state.PendingStory = facts;
        turn.Flow.StoryTold();
        return true;
    }

    /// <summary>
    /// Adds facts read by someone else (a language model, through the host) for the questions the
    /// rules left open: the rules win where both state a fact, answered questions stay answered,
    /// and only the story questions count. Returns whether anything was added.
    /// </summary>
    private bool AddSuppliedFacts(StoryFacts facts, StoryFacts supplied, IntakeState state)
    {
        var added = false;
        foreach (var step in supplied.Steps.Where(StoryFields.Steps.Contains).Distinct().ToList())
        {
            if (facts.Steps.Contains(step) || state.Answered.Contains(step))
            {
                continue;
            }

            _catalog[step].Copy(supplied.Record, facts.Record);
            facts.Steps.Add(step);
            added = true;
        }

        facts.Steps.Sort();
        return added;
    }

    private void OnStoryConfirmation(Turn turn, string normalized)
    {
        var state = turn.State;
        var facts = state.PendingStory;
        var answer = normalized switch
        {
            Phrases.StoryCorrect => Parsed<bool>.Ok(true),
            Phrases.Fix => Parsed<bool>.Ok(false),
            _ when normalized.Contains("直", StringComparison.Ordinal) || normalized.Contains("違", StringComparison.Ordinal) => Parsed<bool>.Ok(false),
            _ when normalized.Contains("合って", StringComparison.Ordinal) => Parsed<bool>.Ok(true),
            _ => AnswerParsers.YesNo(normalized),
        };

        if (facts is null || !answer.IsValue)
        {
            if (Classify(normalized) is var kind && IsAsking(kind))
            {
                AnswerOrDecline(turn, normalized, kind);
            }
            else
            {
                turn.Say(turn.Words.StoryAgain);
            }

            AskCurrent(turn);
            return;
        }

        if (answer.Value)
        {
            foreach (var step in facts.Steps)
            {
                _catalog[step].Copy(facts.Record, state.Record);
                state.Answered.Add(step);
                state.History.Add(step);
            }

            turn.Say(turn.Words.StoryConfirmed);
        }
        else
        {
            turn.Say(turn.Words.StoryRejected);
        }

        state.PendingStory = null;
        turn.Flow.StoryHandled();
        AskCurrent(turn);
    }

    private void OnEditChoice(Turn turn, string normalized)
    {
        var path = IntakeFlow.PathFor(turn.State.Record);
        var choices = path.Select(step => new Choice<IntakeStep>(step, _catalog[step].Label)).ToList();
        var parsed = AnswerParsers.Choice(normalized, choices);
        if (!parsed.IsValue)
        {
            turn.Say(turn.Words.NotUnderstood);
            AskCurrent(turn);
            return;
        }

        turn.Flow.EditAnswer(parsed.Value);
        AskCurrent(turn);
    }

    private void OnMessageAfterDone(Turn turn, string text, string normalized)
    {
        if (Classify(normalized) is var kind && IsAsking(kind))
        {
            AnswerOrDecline(turn, normalized, kind);
        }
        else if (IsOnlyCourtesy(normalized))
        {
            turn.Say(turn.Words.DoneThanks);
        }
        else
        {
            // Anything else written after 送信 belongs to the case: the coordinator reads it on the ticket.
            var state = turn.State;
            var addendum = text.Trim();
            turn.Do(new AppendToTicket(TicketKind.Intake, state.IntakeNumber, addendum.Length > MaxDetailsLength ? addendum[..MaxDetailsLength] : addendum, turn.Now));
            if (KnownContact(state) is not { CanReach: true }
                && ContactQuestion.Parse(text) is { IsValue: true, Value: { Way: ContactWay.Phone or ContactWay.Email } given })
            {
                // Someone who had no way to give one later: the case's tickets get it, and now a call can be promised.
                state.CaseContact = given;
                turn.Do(new AddContactToCase(state.IntakeNumber, given));
                turn.Say(turn.Words.CaseContactSaved);
            }
            else
            {
                turn.Say(KnownContact(state) is { CanReach: true } ? turn.Words.Appended : $"{turn.Words.Appended}\n{turn.Words.CannotCallBack(_center, KnownContact(state))}");
            }
        }

        AskCurrent(turn);
    }

    private static readonly string[] Courtesies =
    [
        "ありがとうございました", "ありがとうございます", "ありがとう", "どうもありがとう", "どうも", "よろしくお願いします", "よろしくおねがいします",
        "よろしくお願いいたします", "お願いします", "よろしく", "わかりました", "分かりました", "了解です", "了解", "はい", "OK", "ok", "助かります", "助かりました",
    ];

    /// <summary>「ありがとうございました」 and the like say nothing a coordinator must read.</summary>
    private static bool IsOnlyCourtesy(string normalized)
    {
        var rest = normalized;
        var changed = true;
        while (changed)
        {
            changed = false;
            rest = rest.Trim(' ', '。', '、', '!', '！', '.', ',', '〜', 'ー', '~');
            foreach (var word in Courtesies)
            {
                if (rest.StartsWith(word, StringComparison.Ordinal))
                {
                    rest = rest[word.Length..];
                    changed = true;
                }
            }
        }

        return rest.Length == 0;
    }

    /// <summary>What a message is, by what it says; the knowledge is asked only about one that names none of the center's topics.</summary>
    private UtteranceKind Classify(string normalized, bool expectingAnswer = false) =>
        UtteranceClassifier.Classify(normalized, expectingAnswer, q => _answerer.Answer(q) is not null);

    private static bool IsAsking(UtteranceKind kind) => kind is UtteranceKind.Question or UtteranceKind.OutOfScope;

    /// <summary>A question is answered from the knowledge; one about nothing the center deals with gets the fixed reply and the phone.</summary>
    private void AnswerOrDecline(Turn turn, string question, UtteranceKind kind)
    {
        if (kind != UtteranceKind.OutOfScope)
        {
            AnswerQuestion(turn, question);
            return;
        }

        turn.QuestionsAnswered.Add(new QuestionAnswered(question, null));
        turn.Say(turn.Words.OutOfScope(_center));
    }

    private void AnswerQuestion(Turn turn, string question)
    {
        var answer = turn.Input.Answers.TryGetValue(question, out var prepared) ? prepared : _answerer.Answer(question);
        turn.QuestionsAnswered.Add(new QuestionAnswered(question, answer));
        if (answer is null)
        {
            turn.Say(turn.Words.NoAnswer(_center));
            return;
        }

        // The sources are named here, from the articles themselves, whoever wrote the text.
        turn.Add(new BotReply($"{turn.Words.KnowledgeLeadIn}{answer.Text}\n{turn.Words.Source(string.Join("、", answer.SourceTitles))}", [], Article: answer.Article));
    }

    /// <summary>Ask (again) whatever the current step asks.</summary>
    private void AskCurrent(Turn turn, bool resuming = false)
    {
        var state = turn.State;
        if (state.AskingCaseContact)
        {
            var contact = _catalog[IntakeStep.Contact];
            turn.Say(turn.Words.CaseContactQuestion, contact.Buttons(state.Record).Select(b => new SuggestedAction(b)).ToList());
            return;
        }

        switch (state.Step)
        {
            case IntakeStep.Welcome:
                SayWelcomeMenu(turn);
                return;
            case IntakeStep.Consent:
                turn.Say(turn.Words.ConsentFor(_center), [new SuggestedAction(Phrases.Agree), new SuggestedAction(Phrases.Disagree), .. PlainOffer(turn)]);
                return;
            case IntakeStep.QuestionsOnly:
                turn.Say(turn.Words.WriteAQuestion, [new SuggestedAction(Phrases.AboutCenter), new SuggestedAction(Phrases.StartWithConsent)]);
                return;
            case IntakeStep.Review:
                state.Editing = false;
                turn.Add(new BotReply(turn.Words.Review, [new SuggestedAction(Phrases.Send), new SuggestedAction(Phrases.Fix)], ReviewItems(state)));
                return;
            case IntakeStep.ChooseEdit:
                var labels = IntakeFlow.PathFor(state.Record).Select(s => new SuggestedAction(_catalog[s].Label)).ToList();
                labels.Add(new SuggestedAction(Phrases.Back));
                turn.Say(turn.Words.ChooseEdit, labels);
                return;
            case IntakeStep.Done:
                turn.Say(turn.Words.DoneMenu, [new SuggestedAction(Phrases.NewIntake)]);
                return;
            case IntakeStep.Reattach:
                turn.Say(turn.Words.AskCaseKey, [new SuggestedAction(Phrases.NewIntake)]);
                return;
            case IntakeStep.Attached:
                turn.Say(turn.Words.AttachedMenu, [new SuggestedAction(Phrases.SeeReplies), new SuggestedAction(Phrases.NewIntake)]);
                return;
            case IntakeStep.ConfirmStory when state.PendingStory is { } facts:
                var lines = facts.Steps.Select(step => $"・{turn.Words.Label(_catalog[step].Label)}：{turn.Words.Label(_catalog[step].Describe(facts.Record) ?? Question.UnknownLabel)}");
                turn.Say(
                    $"{turn.Words.StoryRead}\n{string.Join("\n", lines)}\n{turn.Words.StoryIsItRight}",
                    [new SuggestedAction(Phrases.StoryCorrect), new SuggestedAction(Phrases.Fix)]);
                return;
        }

        var question = _catalog[state.Step];
        if (state.PendingAskBack is { } askBack)
        {
            turn.Say(turn.Words.IsPlain && askBack.PlainPrompt is { } plainPrompt ? plainPrompt : turn.Words.Label(askBack.Prompt), [.. askBack.Options.Select(o => new SuggestedAction(o.Label))]);
            return;
        }

        if (state.CollectingMore && question is IMultiAnswerQuestion multi)
        {
            var more = multi.RemainingLabels(state.Record).Select(l => new SuggestedAction(l)).Append(new SuggestedAction(Phrases.ThatIsAll)).ToList();
            turn.Say(turn.Words.AnythingElse(question.Describe(state.Record) ?? string.Empty), more);
            return;
        }

        var text = question.Prompt(state.Record, turn.Words.IsPlain);
        if (resuming)
        {
            text = $"{turn.Words.Continue}\n{text}";
        }

        if (state.Answered.Contains(state.Step))
        {
            text += "\n" + turn.Words.CurrentAnswer(question.Describe(state.Record) ?? Question.UnknownLabel);
        }

        var actions = question.Buttons(state.Record).Select(b => new SuggestedAction(b)).ToList();
        if (state.FailedAttempts >= FailuresBeforeOfferingAPerson)
        {
            actions.Add(new SuggestedAction(Phrases.TalkToPerson));
        }

        if (turn.Flow.CanGoBack)
        {
            actions.Add(new SuggestedAction(Phrases.Back));
        }

        turn.Say(text, actions);
    }

    private const int WrongKeysBeforeGivingUp = 3;

    /// <summary>
    /// Coming back to a case from another device with its 受付番号 and 引き継ぎコード. Only the host
    /// holds the cases: a turn with both parts asks it (<see cref="TurnResult.CaseKeyToCheck"/>)
    /// and runs again with its answer. Attached, the person can read the coordinator's replies and
    /// add to the ticket, never see what was answered before.
    /// </summary>
    private void OnCaseLink(Turn turn, string text, string normalized)
    {
        var state = turn.State;
        if (state.Step == IntakeStep.Attached)
        {
            OnAttachedMessage(turn, text, normalized);
            return;
        }

        var link = state.CaseLink ?? new CaseLink();
        if (state.Step != IntakeStep.Reattach)
        {
            if (link.WrongKeys >= WrongKeysBeforeGivingUp)
            {
                turn.Say(turn.Words.CaseKeyGiveUp(_center));
                AskCurrent(turn);
                return;
            }

            turn.Flow.BeginReattach();
        }

        var key = CaseKey.Read(text);
        if (key.Code is not null && state.Transcript.Count > 0 && state.Transcript[^1] is { FromUser: true } heard && heard.Text == text)
        {
            // A consented conversation keeps what it heard; never the code.
            state.Transcript[^1] = heard with { Text = Phrases.CaseKeyHeard };
        }

        if (key.Reference is null && key.Code is null)
        {
            if (state.Step == IntakeStep.Reattach && link.PendingReference is null && IsAsking(Classify(normalized))
                && !normalized.Contains(Phrases.ComeBackToCase, StringComparison.Ordinal) && !CaseKey.IsMentionedIn(text))
            {
                // A question while the key is asked is answered; the key is asked again.
                AnswerOrDecline(turn, normalized, Classify(normalized));
            }

            state.CaseLink = link;
            AskCaseKeyPart(turn, link.PendingReference);
            return;
        }

        var reference = key.Reference ?? link.PendingReference;
        if (reference is null || key.Code is null)
        {
            // The code is never kept between turns: a reference alone waits for its code.
            state.CaseLink = link with { PendingReference = reference };
            AskCaseKeyPart(turn, reference);
            return;
        }

        turn.CaseKeyToCheck = new CaseKeyCheck(reference, key.Code);
        OnCaseKeyAnswer(turn, link);
    }

    private void AskCaseKeyPart(Turn turn, string? reference) =>
        turn.Say(reference is null ? turn.Words.AskCaseKey : turn.Words.AskCodeToo, [new SuggestedAction(Phrases.NewIntake)]);

    private void OnCaseKeyAnswer(Turn turn, CaseLink link)
    {
        var state = turn.State;
        switch (turn.Input.CaseKey)
        {
            case { Outcome: CaseKeyOutcome.Attached } attached:
                turn.Flow.Attach();
                state.CaseLink = new CaseLink(AttachedReference: attached.Reference);
                turn.Say(turn.Words.Attached(attached.Reference));
                SayReplies(turn, attached.Replies);
                AskCurrent(turn);
                return;
            case { Outcome: CaseKeyOutcome.Wrong }:
                var wrong = link.WrongKeys + 1;
                state.CaseLink = new CaseLink(WrongKeys: wrong);
                if (wrong < WrongKeysBeforeGivingUp)
                {
                    turn.Say(turn.Words.CaseKeyWrong, [new SuggestedAction(Phrases.NewIntake)]);
                    return;
                }

                turn.Flow.Restart();
                turn.Say(turn.Words.CaseKeyGiveUp(_center));
                AskCurrent(turn);
                return;
            case { Outcome: CaseKeyOutcome.Blocked }:
                state.CaseLink = link with { PendingReference = null };
                turn.Flow.Restart();
                turn.Say(turn.Words.CaseKeyBlocked(_center));
                AskCurrent(turn);
                return;
            case { Outcome: CaseKeyOutcome.Closed }:
                state.CaseLink = new CaseLink(WrongKeys: link.WrongKeys);
                turn.Flow.Restart();
                turn.Say(turn.Words.CaseKeyClosed);
                AskCurrent(turn);
                return;
            default:
                // A host that keeps no cases (or did not answer) cannot confirm anything: say so, never guess.
                state.CaseLink = link with { PendingReference = null };
                turn.Flow.Restart();
                turn.Say(turn.Words.CaseKeyUnchecked(_center));
                AskCurrent(turn);
                return;
        }
    }

    private void OnAttachedMessage(Turn turn, string text, string normalized)
    {
        var state = turn.State;
        var reference = state.CaseLink?.AttachedReference;
        if (reference is null)
        {
            // Only a confirmed key attaches; a state without one starts over.
            turn.Flow.Restart();
            AskCurrent(turn);
            return;
        }

        if (normalized.Contains(Phrases.SeeReplies, StringComparison.Ordinal) || IsAskingForReplies(normalized))
        {
            turn.CaseKeyToCheck = new CaseKeyCheck(reference, null, Refresh: true);
            switch (turn.Input.CaseKey)
            {
                case { Outcome: CaseKeyOutcome.Attached } answer:
                    SayReplies(turn, answer.Replies);
                    AskCurrent(turn);
                    return;
                case { Outcome: CaseKeyOutcome.Closed }:
                    state.CaseLink = null;
                    turn.Flow.Restart();
                    turn.Say(turn.Words.CaseKeyClosed);
                    AskCurrent(turn);
                    return;
                default:
                    turn.Say(turn.Words.CaseKeyUnchecked(_center));
                    AskCurrent(turn);
                    return;
            }
        }

        if (Classify(normalized) is var kind && IsAsking(kind))
        {
            AnswerOrDecline(turn, normalized, kind);
        }
        else if (IsOnlyCourtesy(normalized))
        {
            turn.Say(turn.Words.DoneThanks);
        }
        else
        {
            var addendum = text.Trim();
            turn.Do(new AppendToTicket(TicketKind.Intake, 0, addendum.Length > MaxDetailsLength ? addendum[..MaxDetailsLength] : addendum, turn.Now, reference));
            turn.Say(turn.Words.AppendedToCase);
        }

        AskCurrent(turn);
    }

    private static bool IsAskingForReplies(string normalized) =>
        (normalized.Contains("返信", StringComparison.Ordinal) || normalized.Contains("へんじ", StringComparison.Ordinal) || normalized.Contains("返事", StringComparison.Ordinal))
        && normalized.Length <= 20;

    private static void SayReplies(Turn turn, IReadOnlyList<CoordinatorReply> replies)
    {
        if (replies.Count == 0)
        {
            turn.Say(turn.Words.NoRepliesYet);
            return;
        }

        var lines = replies.Select(r => $"【{r.Name}　{r.At.ToOffset(CenterUtcOffset):M/d HH:mm}】\n{r.Text}");
        turn.Say($"{turn.Words.RepliesHeader}\n{string.Join("\n", lines)}");
    }

    private List<ReviewItem> ReviewItems(IntakeState state) =>
        IntakeFlow.PathFor(state.Record)
            .Select(step => new ReviewItem(
                step,
                _catalog[step].Label,
                _catalog[step].Describe(state.Record) ?? (state.Answered.Contains(step) ? Question.UnknownLabel : "（未回答）")))
            .ToList();

    private void SayWelcome(Turn turn)
    {
        turn.Say(turn.Words.Welcome(_center));
        SayWelcomeMenu(turn);
    }

    private static void SayWelcomeMenu(Turn turn) =>
        turn.Say(turn.Words.WelcomeMenu, [
            new SuggestedAction(Phrases.StartIntake),
            new SuggestedAction(Phrases.AboutCenter),
            new SuggestedAction(Phrases.TalkToPerson),
            new SuggestedAction(Phrases.ComeBackToCase),
            .. PlainOffer(turn),
        ]);

    /// <summary>Before the role is known, a 本人 can switch to やさしい日本語 with one button.</summary>
    private static IEnumerable<SuggestedAction> PlainOffer(Turn turn) =>
        turn.Words.IsPlain ? [] : [new SuggestedAction(InputSignals.PlainJapaneseButton)];

    private static void StartOver(Turn turn, bool keepConsent)
    {
        var state = turn.State;
        var finished = state.Step == IntakeStep.Done;
        turn.Flow.Restart();
        state.Record = new IntakeRecord();
        state.History.Clear();
        state.Answered.Clear();
        state.Editing = false;
        state.FailedAttempts = 0;
        state.PendingStory = null;
        state.PendingAskBack = null;
        state.CollectingMore = false;
        state.StoryBeforeConsent = null;
        state.Consented = keepConsent && state.Consented;
        state.AskingCaseContact = false;
        state.WaitingForPersonSince = null;
        if (!keepConsent)
        {
            // 「やめる」 ends the chat with the coordinator too.
            state.Coordinator = null;
        }

        // Leaving an attached case (or a half-given key) keeps only the count of wrong keys.
        state.CaseLink = state.CaseLink is { WrongKeys: > 0 } link ? new CaseLink(WrongKeys: link.WrongKeys) : null;
        if (finished || !keepConsent)
        {
            state.TicketsRequested.Clear();
            state.IntakeNumber++;
            // A new case: the way to reach the person is asked again.
            state.CaseContact = null;
        }
    }

    /// <summary>The work of one turn: the state being changed, and what is said and done.</summary>
    private sealed class Turn(IntakeState state, UserInput input, DateTimeOffset now)
    {
        private readonly List<BotReply> _replies = [];
        private readonly List<SideEffect> _effects = [];
        private IntakeFlow? _flow;

        public IntakeState State { get; } = state;
        public UserInput Input { get; } = input;
        public DateTimeOffset Now { get; } = now;
        public StoryReading? StoryRead { get; set; }
        public CaseKeyCheck? CaseKeyToCheck { get; set; }
        public List<QuestionAnswered> QuestionsAnswered { get; } = [];
        public DateOnly Today { get; } = CenterDate(now);

        /// <summary>A configured flow bound to this turn's state, taken once per turn rather than at every use.</summary>
        public IntakeFlow Flow => _flow ??= IntakeFlow.Rent(State);

        /// <summary>Gives the flow back for another turn (one that throws just leaves it to the GC).</summary>
        public void ReleaseFlow()
        {
            _flow?.Return();
            _flow = null;
        }

        /// <summary>The wording of this turn: やさしい日本語 once 本人 answered or someone asked for it.</summary>
        public Wording Words => Wording.For(State.IsPlain());

        public void Say(string text, IReadOnlyList<SuggestedAction>? actions = null) => Add(new BotReply(text, actions ?? []));

        public void Add(BotReply reply)
        {
            if (Words.IsPlain)
            {
                // Every button and review line in the plain wording; a plain label sent back is read as the standard one.
                reply = reply with
                {
                    Actions = [.. reply.Actions.Select(a => new SuggestedAction(Words.Label(a.Title), Words.Label(a.Value)))],
                    Review = reply.Review?.Select(r => r with { Label = Words.Label(r.Label), Value = Words.Label(r.Value) }).ToList(),
                };
            }

            _replies.Add(reply);
            if (State.Consented)
            {
                State.Transcript.Add(new TranscriptEntry(false, reply.Text, Now, reply.Coordinator?.Name));
            }
        }

        /// <summary>The user's words are kept only once they consented.</summary>
        public void Heard(string text)
        {
            if (State.Consented)
            {
                State.Transcript.Add(new TranscriptEntry(true, text, Now));
            }
        }

        public void Do(SideEffect effect) => _effects.Add(effect);

        public TurnResult Result() => new(State, _replies, _effects) { StoryRead = StoryRead, QuestionsAnswered = QuestionsAnswered, CaseKeyToCheck = CaseKeyToCheck };
    }
}
