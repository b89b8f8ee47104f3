using IntakeBot.Bot.Hosting;
using Microsoft.AspNetCore.Hosting;

namespace IntakeBot.Bot.Tests.Hosting;

/// <summary>
/// The listen address a newcomer changes first: the default must not hide ASPNETCORE_URLS or --urls,
/// which the host reads before appsettings.json.
/// </summary>
public sealed class ListenAddressTests
{
    [Fact]
    public void Without_an_address_the_host_listens_on_the_documented_default()
    {
        var builder = BotApp.CreateBuilder([]);

        Assert.Equal(BotApp.DefaultUrl, builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Theory]
    [InlineData("--urls", "http://127.0.0.1:8123")]
    [InlineData("--Urls", "http://0.0.0.0:8080")]
    [InlineData("--http_ports", "8081")]
    public void An_address_given_to_the_host_is_kept(string option, string value)
    {
        var builder = BotApp.CreateBuilder([option, value]);

        Assert.NotEqual(BotApp.DefaultUrl, builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Fact]
    public void The_settings_file_names_no_address_that_would_override_the_environment()
    {
        var settings = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json"));

        Assert.DoesNotContain("\"Urls\"", settings, StringComparison.OrdinalIgnoreCase);
    }
}
