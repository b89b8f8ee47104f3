using IntakeBot.Bot.Hosting;
using IntakeBot.Bot.Staff;
using IntakeBot.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Tests.Staff;

/// <summary>
/// The <c>users</c> command reads the host's own settings, and says which database it wrote to, so
/// a command given other settings than the running host cannot create an account where nobody logs in.
/// </summary>
public sealed class StaffCommandTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Adding_a_user_names_the_database_it_wrote_to()
    {
        var builder = BotApp.CreateBuilder(["--contentRoot", RepoPaths.Bot, "--Storage:DataFolder", _host.DataFolder, "--DataProtection:SecretsFolder", BotHost.SecretsFolderOf(_host.DataFolder), "--Logging:LogLevel:Default", "Warning", .. TestDatabase.ArgumentsFor(_host.DataFolder)]);
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await StaffCommand.RunAsync(builder, ["add", "suzuki", "--role", "coordinator"], new StringReader("a-long-enough-password\n"), output, error);

        Assert.True(code == 0, error.ToString());
        var named = output.ToString().Split('\n')[0].Trim();
        if (TestDatabase.UsesPostgreSql)
        {
            Assert.StartsWith("database: PostgreSQL ", named, StringComparison.Ordinal);
            Assert.DoesNotContain("assword", named, StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            Assert.Equal($"database: SQLite {_host.DatabasePath}", named);
        }

        Assert.Equal(1, await _host.DbAsync(db => db.StaffUsers.CountAsync(u => u.UserName == "suzuki")));
    }
}
