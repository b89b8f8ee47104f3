using IntakeBot.Dialogs.Center;

namespace IntakeBot.Bot.Center;

/// <summary>Binds the "Center" configuration section to the profile the conversation core uses.</summary>
public static class CenterOptions
{
    public const string Section = "Center";

    public static CenterProfile Read(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<CenterProfile>() ?? new CenterProfile();
}
