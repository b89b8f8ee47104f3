namespace IntakeBot.EndToEnd.Tests.Support;

/// <summary>
/// The browser and node these tests need. On a developer machine a missing tool skips the test
/// with the reason; in CI (CI=true) it fails, so browser tests can never pass by not running.
/// </summary>
public static class RequiredTools
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? Node { get; } = Find("node");

    public static void RequireChromium() => Require(File.Exists(ChromiumPath), $"{ChromiumPath} is missing (apt-get install chromium; .ci/run does it).");

    public static void RequireNode() => Require(Node is not null, "node is missing (apt-get install nodejs).");

    private static void Require(bool present, string reason)
    {
        if (present)
        {
            return;
        }

        if (InCi)
        {
            Assert.Fail(reason + " CI=true: end-to-end tests must run, not skip.");
        }

        Skip.If(true, reason);
    }

    private static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
}
