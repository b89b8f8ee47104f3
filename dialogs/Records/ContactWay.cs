namespace IntakeBot.Dialogs.Records;

/// <summary>How the center can reach the person, when there is no phone or mail too.</summary>
public enum ContactWay
{
    /// <summary>電話.</summary>
    Phone,
    /// <summary>メール.</summary>
    Email,
    /// <summary>支援者・施設・事業所を通じて (who, in <see cref="CaseContact.Via"/>, when given).</summary>
    ThroughSupporter,
    /// <summary>来所: the person comes to the center; the center cannot call them.</summary>
    Visit,
    /// <summary>手紙 (the address, in <see cref="CaseContact.Via"/>, when given).</summary>
    Letter,
    /// <summary>連絡先なし: the center cannot reach the person.</summary>
    None,
}
