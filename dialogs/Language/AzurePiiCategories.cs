namespace IntakeBot.Dialogs.Language;

/// <summary>
/// How <see cref="PiiCategory"/> corresponds to the category names of Azure AI Language
/// <c>PiiEntityRecognition</c>, for a remote <see cref="IPiiRedactor"/>.
/// </summary>
public static class AzurePiiCategories
{
    /// <summary>
    /// The <c>piiCategories</c> to request with api-version 2023-04-01. Not <c>Date</c>: it returns
    /// every date, and the intake needs release and hearing dates to reach the story extraction.
    /// Not <c>DateOfBirth</c>: 2023-04-01 does not know it and would reject the request. Birth
    /// dates, 郵便番号 and case numbers therefore come from the local rules
    /// (<see cref="LocalPiiRedactor.FindEntities"/>), merged with the service's findings.
    /// </summary>
    public static IReadOnlyList<string> Requested { get; } = ["Person", "PhoneNumber", "Email", "Address", "JPMyNumberPersonal"];

    /// <summary>
    /// Maps a category name from the service's response. False for categories this product does
    /// not redact (<c>Organization</c>, <c>Age</c>, <c>Date</c>…), which then stay in the text.
    /// <c>DateOfBirth</c> is accepted for newer API versions that return it.
    /// </summary>
    public static bool TryMap(string? azureCategory, out PiiCategory category)
    {
        switch (azureCategory)
        {
            case "Person":
                category = PiiCategory.Person;
                return true;
            case "PhoneNumber":
                category = PiiCategory.PhoneNumber;
                return true;
            case "Email":
                category = PiiCategory.Email;
                return true;
            case "Address":
                category = PiiCategory.Address;
                return true;
            case "DateOfBirth":
                category = PiiCategory.DateOfBirth;
                return true;
            case "JPMyNumberPersonal":
                category = PiiCategory.MyNumber;
                return true;
            default:
                category = default;
                return false;
        }
    }
}
