using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Understanding;

/// <summary>
/// The intake facts one message states, as a partial record plus the questions they answer.
/// Serialisable: it waits in the conversation state until the person confirms it.
/// </summary>
public sealed class StoryFacts
{
    public IntakeRecord Record { get; set; } = new();

    /// <summary>The questions these facts answer, in flow order.</summary>
    public List<IntakeStep> Steps { get; set; } = [];

    public bool IsEmpty => Steps.Count == 0;

    /// <summary>A deep copy (see <see cref="IntakeState.Clone"/>).</summary>
    public StoryFacts Clone() => new() { Record = Record.Clone(), Steps = [.. Steps] };
}
