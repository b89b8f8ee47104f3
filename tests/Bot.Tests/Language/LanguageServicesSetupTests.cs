using IntakeBot.Bot.Language;
using IntakeBot.Bot.Tests.Support;
using IntakeBot.Dialogs.Language;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Tests.Language;

/// <summary>Which implementations the host gets, from what configuration.</summary>
public sealed class LanguageServicesSetupTests
{
    [Fact]
    public async Task The_web_host_offers_the_local_redactor_and_detector_when_Azure_is_not_configured()
    {
        await using var host = await BotHost.StartAsync();

        Assert.IsType<LocalPiiRedactor>(host.Services.GetRequiredService<IPiiRedactor>());
        Assert.IsType<LocalLanguageDetector>(host.Services.GetRequiredService<ILanguageDetector>());
        Assert.Same(host.Services.GetRequiredService<IPiiRedactor>(), host.Services.GetRequiredService<IPiiRedactor>());
    }

    [Theory]
    [InlineData("https://example.cognitiveservices.azure.com/", "")]
    [InlineData("", "key")]
    public void Endpoint_and_key_are_both_needed_to_turn_Azure_on(string endpoint, string key)
    {
        using var services = Build(new Dictionary<string, string?> { ["Language:Azure:Endpoint"] = endpoint, ["Language:Azure:Key"] = key });

        Assert.IsType<LocalPiiRedactor>(services.GetRequiredService<IPiiRedactor>());
        Assert.IsType<LocalLanguageDetector>(services.GetRequiredService<ILanguageDetector>());
    }

    [Fact]
    public void Environment_variables_in_the_double_underscore_form_turn_Azure_on()
    {
        // A prefix of this test's own, so no other test's host sees the variables.
        var prefix = "INTAKEBOT_TEST_" + Guid.NewGuid().ToString("N") + "_";
        Environment.SetEnvironmentVariable(prefix + "Language__Azure__Endpoint", "https://example.cognitiveservices.azure.com/");
        Environment.SetEnvironmentVariable(prefix + "Language__Azure__Key", "from-the-environment");
        Environment.SetEnvironmentVariable(prefix + "Language__Azure__MaxRetries", "4");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddLanguageServices(configuration);
            using var provider = services.BuildServiceProvider();

            Assert.IsType<AzurePiiRedactor>(provider.GetRequiredService<IPiiRedactor>());
            Assert.IsType<AzureLanguageDetector>(provider.GetRequiredService<ILanguageDetector>());
            var options = provider.GetRequiredService<IOptions<AzureLanguageOptions>>().Value;
            Assert.Equal("from-the-environment", options.Key);
            Assert.Equal(4, options.MaxRetries);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "Language__Azure__Endpoint", null);
            Environment.SetEnvironmentVariable(prefix + "Language__Azure__Key", null);
            Environment.SetEnvironmentVariable(prefix + "Language__Azure__MaxRetries", null);
        }
    }

    [Theory]
    [InlineData("http://example.cognitiveservices.azure.com/")]
    [InlineData("example.cognitiveservices.azure.com")]
    public void An_endpoint_that_would_send_the_key_in_clear_text_is_refused(string endpoint)
    {
        using var services = Build(new Dictionary<string, string?> { ["Language:Azure:Endpoint"] = endpoint, ["Language:Azure:Key"] = "key" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AzureLanguageOptions>>().Value);
        Assert.Contains("https", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_keep_a_chat_turn_short()
    {
        var options = new AzureLanguageOptions();

        Assert.False(options.IsEnabled);
        Assert.Equal(TimeSpan.FromSeconds(3), options.Timeout);
        Assert.Equal(2, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(10), options.TotalTimeout);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLanguageServices(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }
}
