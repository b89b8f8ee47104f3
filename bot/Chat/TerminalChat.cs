using System.Globalization;
using IntakeBot.Dialogs.Conversation;

namespace IntakeBot.Bot.Chat;

/// <summary>
/// The intake in a terminal, over the same conversation core as the web chat, so a person can
/// try the whole flow without a browser. Buttons are listed with numbers; a number presses one.
/// </summary>
public sealed class TerminalChat(IntakeConversation conversation, TextReader input, TextWriter output, TimeProvider clock)
{
    private int _tickets;

    public int Run()
    {
        var state = new IntakeState();
        var actions = Show(conversation.Handle(state, UserInput.Started, clock.GetUtcNow()), ref state);
        while (true)
        {
            output.Write("> ");
            var line = input.ReadLine();
            if (line is null || line.Trim() is "/exit" or "/quit")
            {
                return 0;
            }

            var text = int.TryParse(line.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= actions.Count
                ? actions[n - 1].Value
                : line;
            if (!ReferenceEquals(text, line))
            {
                output.WriteLine($"（{text}）");
            }

            actions = Show(conversation.Handle(state, UserInput.Message(text), clock.GetUtcNow()), ref state);
        }
    }

    private IReadOnlyList<SuggestedAction> Show(TurnResult result, ref IntakeState state)
    {
        foreach (var effect in result.SideEffects.OfType<CreateTicket>())
        {
            var reference = string.Create(CultureInfo.InvariantCulture, $"LOCAL-{++_tickets:D6}");
            result = result.WithReferenceNumber(reference);
            output.WriteLine($"[チケット作成: {reference} {effect.Kind} 優先度={effect.Triage.Priority} 業務={(int)effect.Triage.Duty}]");
            foreach (var reason in effect.Triage.Reasons)
            {
                output.WriteLine($"  理由: {reason}");
            }
        }

        // Without the ticket store there is no case to come back to, so no code is made.
        result = result.WithAttachCode("（ターミナルのチャットでは発行しません）");
        state = result.State;
        IReadOnlyList<SuggestedAction> actions = [];
        foreach (var reply in result.Replies)
        {
            output.WriteLine();
            output.WriteLine(reply.Text);
            foreach (var item in reply.Review ?? [])
            {
                output.WriteLine($"  ・{item.Label}：{item.Value}");
            }

            actions = reply.Actions;
            for (var i = 0; i < actions.Count; i++)
            {
                output.WriteLine($"  [{i + 1}] {actions[i].Title}");
            }
        }

        return actions;
    }
}
