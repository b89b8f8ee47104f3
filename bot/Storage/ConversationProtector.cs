using IntakeBot.Bot.Activities;
using IntakeBot.Dialogs.Conversation;
using Microsoft.AspNetCore.DataProtection;

namespace IntakeBot.Bot.Storage;

/// <summary>
/// Encrypts what a conversation stores: the intake state (answers, transcript) and every activity
/// of the stream. They hold criminal history, disability and health in the person's own words,
/// so they are never written to the database files in plain text (SECURITY case 15).
/// </summary>
public sealed class ConversationProtector(IDataProtectionProvider provider, DataKeyRing keys) : AtRestProtector(provider, keys, "IntakeBot.Conversations.v1")
{
    public string Seal(Activity activity) => Protect(ActivityJson.SerializeToUtf8(activity));

    public Activity OpenActivity(string stored) => ActivityJson.Deserialize(UnprotectToUtf8(stored));

    public byte[] Seal(IntakeState state) => ProtectToBytes(IntakeStateSerializer.SerializeToUtf8(state));

    public IntakeState OpenState(byte[] stored) => IntakeStateSerializer.Deserialize(UnprotectBytes(stored));
}
