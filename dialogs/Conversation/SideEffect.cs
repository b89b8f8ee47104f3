using System.Text.Json.Serialization;

namespace IntakeBot.Dialogs.Conversation;

/// <summary>
/// Something the host must do because of a turn. Recorded together with the new state in one
/// transaction (an outbox), so it is done exactly once even across crashes.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(CreateTicket), "createTicket")]
[JsonDerivedType(typeof(DeleteConversationData), "deleteConversationData")]
[JsonDerivedType(typeof(AddContactToCase), "addContactToCase")]
[JsonDerivedType(typeof(AppendToTicket), "appendToTicket")]
public abstract record SideEffect;
