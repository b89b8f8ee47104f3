using IntakeBot.Dialogs.Understanding;

namespace IntakeBot.Dialogs.Conversation;

/// <summary>Facts read from <paramref name="Text"/> outside the core's rules (see <see cref="UserInput.Story"/>).</summary>
public sealed record SuppliedStory(string Text, StoryFacts Facts);
