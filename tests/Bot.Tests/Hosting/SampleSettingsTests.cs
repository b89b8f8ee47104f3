using System.Diagnostics;
using IntakeBot.Bot.Center;
using IntakeBot.Bot.Hosting;
using IntakeBot.Bot.Tests.Support;
using IntakeBot.Dialogs.Center;

namespace IntakeBot.Bot.Tests.Hosting;

/// <summary>
/// The shipped center profile is a sample: fine on the developer's own machine, refused on an
/// address other people can reach, so nobody in crisis is ever given the sample phone number.
/// </summary>
public sealed class SampleSettingsTests
{
    private static readonly string Dll = Path.Combine(
        RepoPaths.Bot, "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "IntakeBot.Bot.dll");

    [Fact]
    public void The_shipped_profile_names_its_sample_name_and_phone()
    {
        var shipped = CenterOptions.Read(BotApp.CreateBuilder(["--contentRoot", RepoPaths.Bot]).Configuration);

        Assert.Equal(["Center:Name", "Center:Phone"], SampleSettings.Placeholders(shipped));
    }

    [Theory]
    [InlineData("", "Center:Phone")]
    [InlineData("000-0000-0000", "Center:Phone")]
    [InlineData("045-123-4567", null)]
    [InlineData("０４５（１２３）４５６７", null)]
    public void A_missing_or_all_zero_phone_is_a_sample(string phone, string? expected)
    {
        var center = new CenterProfile { Name = "神奈川県地域生活定着支援センター", Phone = phone };

        Assert.Equal(expected is null ? [] : [expected], SampleSettings.Placeholders(center));
    }

    [Theory]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://127.0.0.1:0", true)]
    [InlineData("http://127.8.9.1:80", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://*:8080", false)]
    [InlineData("http://+:8080", false)]
    [InlineData("http://[::]:8080", false)]
    [InlineData("https://intake.example.jp", false)]
    [InlineData("http://192.168.1.10:5080", false)]
    public void Only_this_machine_counts_as_loopback(string url, bool loopback) =>
        Assert.Equal(loopback, ListenAddresses.IsLoopback(url));

    [Theory]
    [InlineData("--urls", "http://0.0.0.0:0")]
    [InlineData("--http_ports", "0")]
    [InlineData("--Kestrel:Endpoints:Web:Url", "http://*:0")]
    public async Task A_host_others_can_reach_refuses_the_sample_profile_before_touching_the_data(string option, string value)
    {
        var data = Path.Combine(Path.GetTempPath(), "intakebot-tests", Guid.NewGuid().ToString("N"));
        var builder = BotApp.CreateBuilder(["--contentRoot", RepoPaths.Bot, option, value, "--Storage:DataFolder", data]);

        var refused = await Assert.ThrowsAsync<UnsafeSettingsException>(() => BotApp.BuildAsync(builder));

        Assert.Contains("Center:Phone", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
        Assert.False(Directory.Exists(data));
    }

    [Fact]
    [Trait("Category", TestDatabase.ChoosesOwnStore)]
    public async Task A_host_others_can_reach_starts_once_the_center_is_configured()
    {
        var data = Path.Combine(Path.GetTempPath(), "intakebot-tests", Guid.NewGuid().ToString("N"));
        var builder = BotApp.CreateBuilder([
            "--contentRoot", RepoPaths.Bot, "--urls", "http://0.0.0.0:0", "--Storage:DataFolder", data,
            "--DataProtection:SecretsFolder", BotHost.SecretsFolderOf(data),
            "--Center:Name", "神奈川県地域生活定着支援センター", "--Center:Phone", "045-123-4567",
        ]);

        await using var app = await BotApp.BuildAsync(builder);

        Assert.NotNull(app);
        Directory.Delete(data, recursive: true);
        Directory.Delete(BotHost.SecretsFolderOf(data), recursive: true);
    }

    [Fact]
    public async Task The_refusal_is_one_line_and_a_failing_exit_code()
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Bot,
        };
        var data = Path.Combine(Path.GetTempPath(), "intakebot-tests", Guid.NewGuid().ToString("N"));
        foreach (var argument in new[] { Dll, "--contentRoot", RepoPaths.Bot, "--urls", "http://0.0.0.0:0", "--Storage:DataFolder", data })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        var lines = (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("Center:Phone", lines[0], StringComparison.Ordinal);
        Assert.Equal(string.Empty, (await output).Trim());
    }
}
