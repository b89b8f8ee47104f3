using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Conversation;

/// <summary>
/// The person gave a way to reach them (or said there is none) after a crisis or handoff ticket
/// was filed: the host adds it to every ticket of the case (this conversation's intake
/// <paramref name="IntakeNumber"/>), in the same durable turn.
/// </summary>
/// <param name="IntakeNumber">Which intake of the conversation: with the conversation, the case.</param>
/// <param name="Contact">The way to reach the person, or <see cref="ContactWay.None"/>.</param>
public sealed record AddContactToCase(int IntakeNumber, CaseContact Contact) : SideEffect;
