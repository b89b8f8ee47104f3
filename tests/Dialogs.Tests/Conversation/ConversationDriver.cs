using IntakeBot.Dialogs.Center;
using IntakeBot.Dialogs.Conversation;

namespace IntakeBot.Dialogs.Tests.Conversation;

/// <summary>Plays a conversation turn by turn, like a host would: saved state in, new state out.</summary>
internal sealed class ConversationDriver
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(9));

    public static readonly CenterProfile Center = new()
    {
        Name = "テスト県地域生活定着支援センター",
        Prefecture = "神奈川県",
        Phone = "045-000-0000",
        PhoneHours = "平日 9時〜17時",
        Hotlines = [new Hotline { Name = "テスト相談ダイヤル", Number = "0120-000-000" }],
    };

    private readonly IntakeConversation _conversation;
    private readonly bool _roundTripState;
    private string _saved;

    public ConversationDriver(bool roundTripState = false, IQuestionAnswerer? answerer = null, CenterProfile? center = null, DateTimeOffset? at = null)
    {
        At = at ?? Now;
        _conversation = new IntakeConversation(center ?? Center, answerer);
        _roundTripState = roundTripState;
        State = new IntakeState();
        _saved = IntakeStateSerializer.Serialize(State);
        Last = Apply(UserInput.Started);
    }

    public IntakeState State { get; private set; }

    /// <summary>The clock of the next turns (a test moves it).</summary>
    public DateTimeOffset At { get; set; }

    public TurnResult Last { get; private set; }

    public List<TurnResult> Turns { get; } = [];

    public List<SideEffect> Effects { get; } = [];

    public IntakeStep Step => State.Step;

    public string LastText => string.Join("\n", Last.Replies.Select(r => r.Text));

    public IReadOnlyList<string> Buttons => Last.Replies.Count == 0 ? [] : Last.Replies[^1].Actions.Select(a => a.Title).ToList();

    public TurnResult Send(string text) => Last = Apply(UserInput.Message(text));

    /// <summary>Sends an input built by the test (with supplied story facts or answers).</summary>
    public TurnResult Send(UserInput input) => Last = Apply(input);

    public IntakeConversation Conversation => _conversation;

    /// <summary>What the conversation would do with <paramref name="input"/> now, without keeping it.</summary>
    public TurnResult Probe(UserInput input) => _conversation.Handle(State, input, At);

    public ConversationDriver SendAll(params string[] texts)
    {
        foreach (var text in texts)
        {
            Send(text);
        }

        return this;
    }

    public IReadOnlyList<CreateTicket> Tickets => Effects.OfType<CreateTicket>().ToList();

    private TurnResult Apply(UserInput input)
    {
        var state = _roundTripState ? IntakeStateSerializer.Deserialize(_saved) : State;
        var result = _conversation.Handle(state, input, At);
        State = result.State;
        _saved = IntakeStateSerializer.Serialize(State);
        Turns.Add(result);
        Effects.AddRange(result.SideEffects);
        return result;
    }
}
