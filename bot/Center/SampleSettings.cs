using IntakeBot.Dialogs.Center;

namespace IntakeBot.Bot.Center;

/// <summary>
/// Finds the parts of the center's profile that are still the shipped samples. People in crisis are
/// given the center's phone, so a sample number must never reach a real deployment.
/// </summary>
public static class SampleSettings
{
    /// <summary>The word every shipped sample value carries (「サンプル番号」「（サンプル）」).</summary>
    public const string Marker = "サンプル";

    /// <summary>The names of the settings that still hold a sample (or nothing), e.g. <c>Center:Phone</c>.</summary>
    public static IReadOnlyList<string> Placeholders(CenterProfile center)
    {
        var names = new List<string>();
        if (IsSample(center.Name))
        {
            names.Add($"{CenterOptions.Section}:{nameof(CenterProfile.Name)}");
        }

        if (string.IsNullOrWhiteSpace(center.Phone) || IsSample(center.Phone) || !center.Phone.Any(c => char.IsDigit(c) && char.GetNumericValue(c) != 0))
        {
            names.Add($"{CenterOptions.Section}:{nameof(CenterProfile.Phone)}");
        }

        if (center.Hotlines.Any(h => IsSample(h.Name) || IsSample(h.Number)))
        {
            names.Add($"{CenterOptions.Section}:{nameof(CenterProfile.Hotlines)}");
        }

        return names;
    }

    private static bool IsSample(string? value) => value?.Contains(Marker, StringComparison.Ordinal) == true;
}
