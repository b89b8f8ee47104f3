namespace IntakeBot.Dialogs.Language;

/// <summary>
/// The kinds of personal information the redactors look for. The first five are categories
/// Azure AI Language's <c>PiiEntityRecognition</c> also returns (see <see cref="AzurePiiCategories"/>);
/// <see cref="PostalCode"/> and <see cref="CaseNumber"/> exist only here, so a remote redactor
/// has to add them from the local rules.
/// </summary>
public enum PiiCategory
{
    /// <summary>A person's name. Azure: <c>Person</c>.</summary>
    Person,

    /// <summary>A phone number. Azure: <c>PhoneNumber</c>.</summary>
    PhoneNumber,

    /// <summary>An e-mail address. Azure: <c>Email</c>.</summary>
    Email,

    /// <summary>A street-level address (with 丁目/番地/号 or block numbers). Azure: <c>Address</c>.</summary>
    Address,

    /// <summary>A date of birth; other dates are not personal information here. Azure: <c>DateOfBirth</c>.</summary>
    DateOfBirth,

    /// <summary>The 12-digit individual number (マイナンバー). Azure: <c>JPMyNumberPersonal</c>.</summary>
    MyNumber,

    /// <summary>A 郵便番号. Local only.</summary>
    PostalCode,

    /// <summary>An inmate (称呼番号) or court case number (事件番号). Local only.</summary>
    CaseNumber,
}
