using IntakeBot.Dialogs.Understanding;

namespace IntakeBot.Dialogs.Conversation;

/// <summary>What the user did this turn: opened the chat, or sent a message (typed or a button's value).</summary>
public sealed record UserInput
{
    private static readonly IReadOnlyDictionary<string, KnowledgeAnswer> NoAnswers = new Dictionary<string, KnowledgeAnswer>();

    private UserInput(string text, bool isConversationStart)
    {
        Text = text;
        IsConversationStart = isConversationStart;
    }

    public string Text { get; }
    public bool IsConversationStart { get; }

    /// <summary>
    /// Facts that a helper outside the core (the host's optional language model) read from a story
    /// text, already checked against the questions' value lists. Used only if this turn reads that
    /// same text as a story; the rules' facts win where both state one, and the person confirms
    /// them like any other story facts.
    /// </summary>
    public SuppliedStory? Story { get; private init; }

    /// <summary>
    /// Answers prepared outside the core for questions this turn answers from the knowledge,
    /// by question text (as the core passes it to <see cref="IQuestionAnswerer.Answer"/>).
    /// A question without one is answered by the <see cref="IQuestionAnswerer"/> as usual.
    /// </summary>
    public IReadOnlyDictionary<string, KnowledgeAnswer> Answers { get; private init; } = NoAnswers;

    /// <summary>The host's answer to the case key this turn's message gave (see <see cref="TurnResult.CaseKeyToCheck"/>).</summary>
    public CaseKeyAnswer? CaseKey { get; private init; }

    public static UserInput Started { get; } = new(string.Empty, true);

    /// <summary>Set when this turn is an event at the desk rather than something the person did.</summary>
    public DeskEvent? Desk { get; private init; }

    /// <summary>A desk event (a coordinator joins, writes, hands back; nobody joined in time).</summary>
    public static UserInput FromDesk(DeskEvent desk) => new(
        desk.Text is { } text ? Parsing.JapaneseText.WellFormed(text) : string.Empty, false)
    {
        Desk = desk with { Text = desk.Text is { } t ? Parsing.JapaneseText.WellFormed(t) : null },
    };

    /// <summary>A message; lone surrogates (invalid UTF-16 a client may send) become U+FFFD.</summary>
    public static UserInput Message(string text) => new(Parsing.JapaneseText.WellFormed(text ?? string.Empty), false);

    /// <summary>This input, with facts read from <paramref name="storyText"/> by someone other than the rules.</summary>
    public UserInput WithStory(string storyText, StoryFacts facts) => this with { Story = new SuppliedStory(storyText, facts) };

    /// <summary>This input, with what the host found for the case key it gave.</summary>
    public UserInput WithCaseKey(CaseKeyAnswer answer) => this with { CaseKey = answer };

    /// <summary>This input, with an answer to <paramref name="question"/> to use instead of the answerer's.</summary>
    public UserInput WithAnswer(string question, KnowledgeAnswer answer) =>
        this with { Answers = new Dictionary<string, KnowledgeAnswer>(Answers) { [question] = answer } };
}
