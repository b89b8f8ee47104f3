namespace IntakeBot.Dialogs.Conversation;

/// <summary>What a typed reply to the consent notice says.</summary>
public enum ConsentDecision
{
    /// <summary>Clearly agrees (「はい」「同意します」「OK」).</summary>
    Agree,
    /// <summary>Clearly refuses (「同意しません」「いやです」「やめておきます」): handled like the 「同意しない」 button.</summary>
    Refuse,
    /// <summary>Doubt, something unrelated, or anything else: the notice is asked again with its buttons.</summary>
    Unclear,
}
