namespace IntakeBot.Dialogs.Records;

/// <summary>
/// One way to reach the person, as given to the contact question (during the intake, or right
/// after crisis guidance or a handoff request).
/// </summary>
/// <param name="Way">Which way.</param>
/// <param name="Phone">The phone number, for <see cref="ContactWay.Phone"/>.</param>
/// <param name="Email">The mail address, for <see cref="ContactWay.Email"/>.</param>
/// <param name="Via">For a supporter, who (「みなと相談支援事業所の田中さん」); for a letter, where to send it. Optional.</param>
public sealed record CaseContact(ContactWay Way, string? Phone = null, string? Email = null, string? Via = null)
{
    /// <summary>
    /// True when the center itself can reach the person: a phone or mail, or a named supporter or
    /// address. Without it the bot may not promise a call.
    /// </summary>
    public bool CanReach => Way switch
    {
        ContactWay.Phone => Phone is not null,
        ContactWay.Email => Email is not null,
        ContactWay.ThroughSupporter or ContactWay.Letter => !string.IsNullOrWhiteSpace(Via),
        _ => false,
    };

    /// <summary>The contact of a record, or null when the contact question has no answer there.</summary>
    public static CaseContact? Of(IntakeRecord record) =>
        record.Phone is { } phone ? new CaseContact(ContactWay.Phone, Phone: phone)
        : record.Email is { } email ? new CaseContact(ContactWay.Email, Email: email)
        : record.ContactWay is { } way ? new CaseContact(way, Via: record.ContactVia)
        : null;

    /// <summary>Stores this contact as the record's answer to the contact question.</summary>
    public void StoreIn(IntakeRecord record)
    {
        record.Phone = Phone;
        record.Email = Email;
        record.ContactWay = Way;
        record.ContactVia = Via;
    }
}
