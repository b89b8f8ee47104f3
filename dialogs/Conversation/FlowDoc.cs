namespace IntakeBot.Dialogs.Conversation;

/// <summary>The Markdown page that shows the intake flow (dialogs/FLOW.md), generated from <see cref="IntakeFlow"/>.</summary>
public static class FlowDoc
{
    public static string Render() =>
        "# The intake flow\n\n"
        + "Generated from `IntakeFlow` by `FlowDoc.Render()`; a test in `tests/Dialogs.Tests` regenerates it when the\n"
        + "flow changes. Edges are labelled with the trigger and, where a branch depends on an answer, the guard.\n"
        + "`InIntake` is the superstate of every intake step: 「戻る」 (Back), 「最初から」 (Restart) and the return to the\n"
        + "review after a correction are configured once there.\n\n"
        + "```mermaid\n"
        + IntakeFlow.ToMermaid().Trim() + "\n"
        + "```\n";
}
