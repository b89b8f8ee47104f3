namespace IntakeBot.Bot.Tests.Support;

/// <summary>Finds the repository from the test binaries, so the host runs with bot/ as its content root (appsettings, wwwroot).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Bot => Path.Combine(Root, "bot");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "IntakeBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("IntakeBot.sln not found above the test binaries.");
    }
}
