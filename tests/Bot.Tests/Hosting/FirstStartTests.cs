using IntakeBot.Bot.Tests.Support;

namespace IntakeBot.Bot.Tests.Hosting;

/// <summary>
/// A healthy first start says what it does and warns about nothing: a newcomer who sees
/// "partially applied" or "unencrypted" next to the README's promises cannot tell a real fault.
/// </summary>
public sealed class FirstStartTests
{
    [Fact]
    public async Task A_first_start_on_an_empty_data_folder_logs_no_warning_or_error_and_says_it_creates_the_database()
    {
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            // The defaults a newcomer runs with: EF Core's and Data Protection's own categories at Information.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
        });

        var loud = host.Logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal)
                                              || l.StartsWith("Error", StringComparison.Ordinal)
                                              || l.StartsWith("Critical", StringComparison.Ordinal)).ToList();
        Assert.True(loud.Count == 0, string.Join("\n", loud));
        Assert.Contains(host.Logs.Lines, l => l.Contains("creating the database", StringComparison.Ordinal));
    }
}
