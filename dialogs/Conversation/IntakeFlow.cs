using System.Collections.Concurrent;
using IntakeBot.Dialogs.Records;
using Stateless;
using Stateless.Graph;

namespace IntakeBot.Dialogs.Conversation;

/// <summary>
/// The intake flow as a Stateless machine over an <see cref="IntakeState"/> kept outside it.
/// All branching lives in the configuration below, read top to bottom. Answers are stored in the
/// record before <see cref="Answered"/> is called, so the guards see them.
/// The machine reads and writes only the state it is bound to, so a configured flow can serve
/// one turn after another: <see cref="Rent"/> binds one (configuring the machine is a good part
/// of a turn's CPU), <see cref="Return"/> gives it back.
/// </summary>
public sealed class IntakeFlow
{
    private static readonly ConcurrentBag<IntakeFlow> Pool = [];

    // PathFor's flows: the same questions and guards, without the InIntake superstate. Stateless
    // checks a move between two of its substates against every one of them (a closure and a boxed
    // step each), and PathFor makes a dozen or more such moves: most of what a turn allocated.
    private static readonly ConcurrentBag<IntakeFlow> PathPool = [];
    private static readonly IntakeState Unbound = new();

    private readonly StateMachine<IntakeStep, IntakeTrigger> _machine;
    private readonly StateMachine<IntakeStep, IntakeTrigger>.TriggerWithParameters<IntakeStep> _editAnswer;
    private readonly bool _grouped;
    private IntakeState _state;
    private bool _stuck;

    public IntakeFlow(IntakeState state)
        : this(state, grouped: true)
    {
    }

    private IntakeFlow(IntakeState state, bool grouped)
    {
        _grouped = grouped;
        _state = state;
        _machine = new StateMachine<IntakeStep, IntakeTrigger>(() => _state.Step, s => _state.Step = s);
        _editAnswer = _machine.SetTriggerParameters<IntakeStep>(IntakeTrigger.EditAnswer);
        if (!grouped)
        {
            // PathFor fires until no move is permitted; asking CanFire first evaluated every guard twice.
            _machine.OnUnhandledTrigger((_, _) => _stuck = true);
        }

        _machine.Configure(IntakeStep.Welcome)
            .Permit(IntakeTrigger.Start, IntakeStep.Consent)
            .Permit(IntakeTrigger.Reattach, IntakeStep.Reattach)
            .PermitReentry(IntakeTrigger.Restart);

        _machine.Configure(IntakeStep.Consent)
            .Permit(IntakeTrigger.Agree, IntakeStep.AskerRole)
            .Permit(IntakeTrigger.Decline, IntakeStep.QuestionsOnly)
            .Permit(IntakeTrigger.Restart, IntakeStep.Welcome);

        _machine.Configure(IntakeStep.QuestionsOnly)
            .Permit(IntakeTrigger.Start, IntakeStep.Consent)
            .Permit(IntakeTrigger.Reattach, IntakeStep.Reattach)
            .Permit(IntakeTrigger.Restart, IntakeStep.Welcome);

        // Coming back to a case from another device: only a key the host confirmed attaches.
        _machine.Configure(IntakeStep.Reattach)
            .Permit(IntakeTrigger.Attach, IntakeStep.Attached)
            .Permit(IntakeTrigger.Restart, IntakeStep.Welcome);

        _machine.Configure(IntakeStep.Attached)
            .Permit(IntakeTrigger.Restart, IntakeStep.Welcome);

        _machine.Configure(IntakeStep.InIntake)
            .PermitDynamic(IntakeTrigger.Back, () => _state.History[^1])
            .Permit(IntakeTrigger.StoryTold, IntakeStep.ConfirmStory)
            .Permit(IntakeTrigger.ReturnToReview, IntakeStep.Review)
            .Permit(IntakeTrigger.Restart, IntakeStep.Welcome);

        // Who is asking decides the first branch.
        Question(IntakeStep.AskerRole)
            .PermitIf(IntakeTrigger.Answered, IntakeStep.SubjectAge, IsSelf, "本人")
            .PermitIf(IntakeTrigger.Answered, IntakeStep.Relation, IsFamily, "家族・親族")
            .PermitIf(IntakeTrigger.Answered, IntakeStep.LawyerOffice, IsLawyer, "弁護士")
            .PermitIf(IntakeTrigger.Answered, IntakeStep.OrganizationName, IsSupporter, "支援者・関係機関");
        Question(IntakeStep.Relation)
            .Permit(IntakeTrigger.Answered, IntakeStep.SubjectAge);
        Question(IntakeStep.LawyerOffice)
            .Permit(IntakeTrigger.Answered, IntakeStep.BarAssociation);
        Question(IntakeStep.BarAssociation)
            .Permit(IntakeTrigger.Answered, IntakeStep.SubjectAge);
        Question(IntakeStep.OrganizationName)
            .Permit(IntakeTrigger.Answered, IntakeStep.SupporterKind);
        Question(IntakeStep.SupporterKind)
            .Permit(IntakeTrigger.Answered, IntakeStep.SupporterPurpose);
        Question(IntakeStep.SupporterPurpose)
            .PermitIf(IntakeTrigger.Answered, IntakeStep.Details, IsGeneralQuestion, "制度の質問")
            .PermitIf(IntakeTrigger.Answered, IntakeStep.SubjectAge, IsAboutAPerson, "特定の方の相談");

        // The person who needs support.
        Question(IntakeStep.SubjectAge)
            .Permit(IntakeTrigger.Answered, IntakeStep.Disabilities);
        Question(IntakeStep.Disabilities)
            .PermitIf(IntakeTrigger.Answered, IntakeStep.Handbooks, MayHaveDisability, "障がい・疑いあり／不明")
            .PermitIf(IntakeTrigger.Answered, IntakeStep.Stage, HasNoDisability, "障がいなし");
        Question(IntakeStep.Handbooks)
            .Permit(IntakeTrigger.Answered, IntakeStep.Stage);

        // The stage decides which date matters.
        Question(IntakeStep.Stage)
            .PermitIf(IntakeTrigger.Answered, IntakeStep.ReleaseDate, () => StageIs(Stage.Arrested, Stage.InFacility, Stage.MtaInpatient), "起訴前・施設入所中・医療観察法入院")
            .PermitIf(IntakeTrigger.Answered, IntakeStep.Custody, () => StageIs(Stage.OnTrial), "裁判中")
            .PermitIf(IntakeTrigger.Answered, IntakeStep.LeftFacilityDate, () => StageIs(Stage.Released), "退所済み")
            .PermitIf(IntakeTrigger.Answered, IntakeStep.OutpatientDecisionDate, () => StageIs(Stage.MtaOutpatient), "医療観察法通院")
            .PermitIf(IntakeTrigger.Answered, IntakeStep.ReturnArea, () => StageIs(Stage.SuspendedOrFined, null), "執行猶予・罰金・不明");
        Question(IntakeStep.Custody)
            .Permit(IntakeTrigger.Answered, IntakeStep.HearingDate);
        Question(IntakeStep.ReleaseDate)
            .Permit(IntakeTrigger.Answered, IntakeStep.ReturnArea);
        Question(IntakeStep.HearingDate)
            .Permit(IntakeTrigger.Answered, IntakeStep.ReturnArea);
        Question(IntakeStep.LeftFacilityDate)
            .Permit(IntakeTrigger.Answered, IntakeStep.ReturnArea);
        Question(IntakeStep.OutpatientDecisionDate)
            .Permit(IntakeTrigger.Answered, IntakeStep.ReturnArea);

        // Where and how they will live.
        Question(IntakeStep.ReturnArea)
            .Permit(IntakeTrigger.Answered, IntakeStep.Housing);
        Question(IntakeStep.Housing)
            .PermitIf(IntakeTrigger.Answered, IntakeStep.Guarantor, NeedsGuarantor, "釈放・出所を待つ方")
            .PermitIf(IntakeTrigger.Answered, IntakeStep.Probation, MayBeOnProbation, "社会内にいる方")
            .PermitIf(IntakeTrigger.Answered, IntakeStep.Needs, () => !NeedsGuarantor() && !MayBeOnProbation(), "その他");
        Question(IntakeStep.Guarantor)
            .Permit(IntakeTrigger.Answered, IntakeStep.Needs);
        Question(IntakeStep.Probation)
            .Permit(IntakeTrigger.Answered, IntakeStep.Needs);
        Question(IntakeStep.Needs)
            .PermitIf(IntakeTrigger.Answered, IntakeStep.AskerName, IsSelf, "本人")
            .PermitIf(IntakeTrigger.Answered, IntakeStep.SubjectAgrees, () => !IsSelf(), "本人以外");
        Question(IntakeStep.SubjectAgrees)
            .Permit(IntakeTrigger.Answered, IntakeStep.Details);
        Question(IntakeStep.Details)
            .PermitIf(IntakeTrigger.Answered, IntakeStep.Court, IsLawyer, "弁護士")
            .PermitIf(IntakeTrigger.Answered, IntakeStep.SubjectName, () => !IsLawyer() && IsAboutAPerson(), "特定の方の相談")
            .PermitIf(IntakeTrigger.Answered, IntakeStep.AskerName, () => !IsLawyer() && IsGeneralQuestion(), "制度の質問");

        // The basics a coordinator needs: the case in court, who the person is and where they are
        // now (本人 gives their own name next, and said where they are at the stage).
        Question(IntakeStep.Court)
            .Permit(IntakeTrigger.Answered, IntakeStep.CaseNumber);
        Question(IntakeStep.CaseNumber)
            .Permit(IntakeTrigger.Answered, IntakeStep.SubjectName);
        Question(IntakeStep.SubjectName)
            .PermitIf(IntakeTrigger.Answered, IntakeStep.SubjectNameKana, NeedsReading, "氏名あり")
            .PermitIf(IntakeTrigger.Answered, IntakeStep.Whereabouts, () => !NeedsReading(), "氏名なし");
        Question(IntakeStep.SubjectNameKana)
            .PermitIf(IntakeTrigger.Answered, IntakeStep.Whereabouts, () => !IsSelf(), "本人以外")
            .PermitIf(IntakeTrigger.Answered, IntakeStep.Contact, IsSelf, "本人");
        Question(IntakeStep.Whereabouts)
            .Permit(IntakeTrigger.Answered, IntakeStep.AskerName);

        // How to call back.
        Question(IntakeStep.AskerName)
            .PermitIf(IntakeTrigger.Answered, IntakeStep.SubjectNameKana, () => IsSelf() && NeedsReading(), "本人（漢字の名前）")
            .PermitIf(IntakeTrigger.Answered, IntakeStep.Contact, () => !IsSelf() || !NeedsReading(), "その他");
        Question(IntakeStep.Contact)
            .PermitIf(IntakeTrigger.Answered, IntakeStep.ContactTime, () => ContactIs(ContactWay.Phone, ContactWay.Email, null), "電話・メール")
            .PermitIf(IntakeTrigger.Answered, IntakeStep.ContactVia, () => ContactIs(ContactWay.ThroughSupporter, ContactWay.Letter), "支援者を通じて・手紙")
            .PermitIf(IntakeTrigger.Answered, IntakeStep.Review, () => ContactIs(ContactWay.Visit, ContactWay.None), "来所・連絡先なし");
        Question(IntakeStep.ContactVia)
            .Permit(IntakeTrigger.Answered, IntakeStep.Review);
        Question(IntakeStep.ContactTime)
            .Permit(IntakeTrigger.Answered, IntakeStep.Review);

        // After a story is confirmed (or rejected), on to the first question it did not answer.
        InIntake(IntakeStep.ConfirmStory)
            .PermitDynamic(IntakeTrigger.Answered, FirstOpenStep)
            .Ignore(IntakeTrigger.StoryTold);

        InIntake(IntakeStep.Review)
            .Permit(IntakeTrigger.Confirm, IntakeStep.Done)
            .Permit(IntakeTrigger.Edit, IntakeStep.ChooseEdit)
            .Ignore(IntakeTrigger.ReturnToReview);

        InIntake(IntakeStep.ChooseEdit)
            .PermitDynamic(_editAnswer, step => step)
            .Permit(IntakeTrigger.Back, IntakeStep.Review);

        _machine.Configure(IntakeStep.Done)
            .Permit(IntakeTrigger.Restart, IntakeStep.Welcome);
    }

    /// <summary>A configured flow bound to <paramref name="state"/>, for one turn at a time; hand it back with <see cref="Return"/>.</summary>
    public static IntakeFlow Rent(IntakeState state) => RentFrom(state, grouped: true);

    private static IntakeFlow RentFrom(IntakeState state, bool grouped)
    {
        if (!(grouped ? Pool : PathPool).TryTake(out var flow))
        {
            return new IntakeFlow(state, grouped);
        }

        flow._state = state;
        return flow;
    }

    /// <summary>Unbinds the state and keeps the flow for another turn. Not to be used after this.</summary>
    public void Return()
    {
        // Let go of the turn's state; Stateless reads it only while firing.
        _state = Unbound;
        (_grouped ? Pool : PathPool).Add(this);
    }

    public IntakeStep Current => _state.Step;

    public bool CanGoBack => _state.Editing || (_state.History.Count > 0 && _machine.CanFire(IntakeTrigger.Back));

    public void Start() => _machine.Fire(IntakeTrigger.Start);

    public void AcceptConsent() => _machine.Fire(IntakeTrigger.Agree);

    public void DeclineConsent() => _machine.Fire(IntakeTrigger.Decline);

    /// <summary>The current question was answered: move to the next question that has no answer yet.</summary>
    public void Answered()
    {
        _state.History.Add(_state.Step);
        _machine.Fire(IntakeTrigger.Answered);
        SkipAnsweredQuestions();
    }

    /// <summary>Back to the question answered last (or, while correcting one answer, back to the review).</summary>
    public void GoBack()
    {
        if (_state.Editing)
        {
            _state.Editing = false;
            _machine.Fire(IntakeTrigger.ReturnToReview);
            return;
        }

        if (_state.Step == IntakeStep.ChooseEdit)
        {
            _machine.Fire(IntakeTrigger.Back);
            return;
        }

        _machine.Fire(IntakeTrigger.Back);
        _state.History.RemoveAt(_state.History.Count - 1);
    }

    public void Restart() => _machine.Fire(IntakeTrigger.Restart);

    /// <summary>The person wants to come back to a case they started elsewhere.</summary>
    public void BeginReattach() => _machine.Fire(IntakeTrigger.Reattach);

    /// <summary>The host confirmed the case key.</summary>
    public void Attach() => _machine.Fire(IntakeTrigger.Attach);

    /// <summary>A message stated several facts at once: show them back for confirmation.</summary>
    public void StoryTold() => _machine.Fire(IntakeTrigger.StoryTold);

    /// <summary>The person confirmed or rejected the facts read from their story: go to the first open question.</summary>
    public void StoryHandled() => _machine.Fire(IntakeTrigger.Answered);

    public void Confirm() => _machine.Fire(IntakeTrigger.Confirm);

    public void ChooseAnswerToEdit() => _machine.Fire(IntakeTrigger.Edit);

    public void EditAnswer(IntakeStep step)
    {
        _state.Editing = true;
        _machine.Fire(_editAnswer, step);
    }

    /// <summary>
    /// The questions this record leads through, from the first to the review, following the
    /// same guards as the conversation. Answers to questions off this path (say the relation
    /// after the asker changed from 家族 to 弁護士) no longer apply.
    /// </summary>
    public static IReadOnlyList<IntakeStep> PathFor(IntakeRecord record)
    {
        var probe = new IntakeState { Step = IntakeStep.AskerRole, Record = record };
        var flow = RentFrom(probe, grouped: false);
        flow._stuck = false;
        var path = new List<IntakeStep>();
        while (probe.Step != IntakeStep.Review && path.Count < 100)
        {
            path.Add(probe.Step);
            flow._machine.Fire(IntakeTrigger.Answered);
            // Without the answer a branch depends on (who is asking), no move is permitted: the path ends there.
            if (flow._stuck)
            {
                break;
            }
        }

        flow.Return();
        return path;
    }

    /// <summary>The flow as a Mermaid state diagram (the living picture in docs/).</summary>
    public static string ToMermaid() => MermaidGraph.Format(new IntakeFlow(new IntakeState())._machine.GetInfo());

    /// <summary>The flow as a Graphviz DOT graph.</summary>
    public static string ToDot() => UmlDotGraph.Format(new IntakeFlow(new IntakeState())._machine.GetInfo());

    private StateMachine<IntakeStep, IntakeTrigger>.StateConfiguration Question(IntakeStep step) => InIntake(step);

    /// <summary>A step of the intake proper, where back, a story, a return to the review and a restart apply.</summary>
    private StateMachine<IntakeStep, IntakeTrigger>.StateConfiguration InIntake(IntakeStep step) =>
        _grouped ? _machine.Configure(step).SubstateOf(IntakeStep.InIntake) : _machine.Configure(step);

    /// <summary>
    /// A question answered earlier (by 「母です」 at the role question, or before a 「戻る」
    /// or a correction) is not asked again; the flow moves on to the first open question.
    /// </summary>
    private void SkipAnsweredQuestions()
    {
        while (_state.Step != IntakeStep.Review && _state.Answered.Contains(_state.Step))
        {
            _state.History.Add(_state.Step);
            _machine.Fire(IntakeTrigger.Answered);
        }
    }

    private IntakeStep FirstOpenStep() =>
        PathFor(_state.Record).FirstOrDefault(step => !_state.Answered.Contains(step), IntakeStep.Review);

    private IntakeRecord Record => _state.Record;

    private bool IsSelf() => Record.Role == AskerRole.Self;

    private bool IsFamily() => Record.Role == AskerRole.Family;

    private bool IsLawyer() => Record.Role == AskerRole.Lawyer;

    private bool IsSupporter() => Record.Role == AskerRole.Supporter;

    private bool IsGeneralQuestion() => Record.SupporterPurpose == SupporterPurpose.Question;

    private bool IsAboutAPerson() => !IsGeneralQuestion();

    private bool HasNoDisability() => Record.Disabilities is [Disability.None];

    private bool MayHaveDisability() => !HasNoDisability();

    private bool StageIs(params Stage?[] stages) => stages.Contains(Record.Stage);

    private bool NeedsReading() => Questions.NameKanaQuestion.NeedsReading(Record);

    /// <summary>A phone or mail (ContactWay unset on records from before the other ways) leads to the time to call.</summary>
    private bool ContactIs(params ContactWay?[] ways) =>
        ways.Contains(Record.Phone is not null ? ContactWay.Phone : Record.Email is not null ? ContactWay.Email : Record.ContactWay);

    /// <summary>身元引受人 matters while release is still ahead; 本人 is not asked (shortest path).</summary>
    private bool NeedsGuarantor() => !IsSelf() && StageIs(Stage.Arrested, Stage.OnTrial, Stage.InFacility, Stage.MtaInpatient);

    /// <summary>保護観察 applies to people already back in the community (仮釈放・保護観察付執行猶予).</summary>
    private bool MayBeOnProbation() => !NeedsGuarantor() && StageIs(Stage.Released, Stage.SuspendedOrFined);
}
