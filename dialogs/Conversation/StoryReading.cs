namespace IntakeBot.Dialogs.Conversation;

/// <summary>
/// A turn read <paramref name="Text"/> as a story (after consent): how many facts the rules found
/// in it that were not answered yet, and whether supplied facts (<see cref="UserInput.Story"/>)
/// were added. A host uses it to decide whether another reader could help with this text.
/// </summary>
public sealed record StoryReading(string Text, int RuleFacts, bool UsedSuppliedFacts);
