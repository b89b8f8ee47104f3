namespace IntakeBot.Dialogs.Records;

/// <summary>Why an agency contacts the center.</summary>
public enum SupporterPurpose
{
    /// <summary>Refer someone new.</summary>
    NewReferral,
    /// <summary>A receiving 事業所 asks about someone the center already supports (業務2).</summary>
    FollowUp,
    /// <summary>A question about eligibility or the 加算.</summary>
    Question,
}
