using IntakeBot.Bot.Tests.Support;
using IntakeBot.Dialogs.Language;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IntakeBot.Bot.Tests.Language;

/// <summary>
/// Language detection with Azure AI Language on: asked only where the local detector cannot be
/// sure, its answer taken only when it is sure, and the local answer on any failure.
/// </summary>
public sealed class AzureLanguageDetectorTests
{
    private const string French = "Bonjour, mon frère sort de prison le mois prochain et il n'a pas de logement.";

    [Fact]
    public async Task A_message_in_a_language_the_local_lists_do_not_know_is_detected_by_the_service()
    {
        await using var azure = await FakeAzureLanguage.StartAsync();
        azure.Language = _ => ("fr", 1.0);
        var logs = new LogCollector();
        await using var services = azure.CreateServices(logs);

        var detected = await services.GetRequiredService<ILanguageDetector>().DetectAsync(French, CancellationToken.None);

        Assert.Equal(new DetectedLanguage("fr", 1.0), detected);
        var call = Assert.Single(azure.Calls);
        Assert.Equal("/language/:analyze-text", call.Path);
        Assert.Equal("2023-04-01", call.ApiVersion);
        Assert.Equal(FakeAzureLanguage.Key, call.Key);
        Assert.Equal("LanguageDetection", call.Kind);
        Assert.Equal("latest", call.Parameters.GetProperty("modelVersion").GetString());
        Assert.True(call.Parameters.GetProperty("loggingOptOut").GetBoolean());
        Assert.False(call.Parameters.TryGetProperty("piiCategories", out _));
        var document = Assert.Single(call.Documents);
        Assert.Equal("1", document.GetProperty("id").GetString());
        Assert.Equal("jp", document.GetProperty("countryHint").GetString());
        Assert.Equal(French, document.GetProperty("text").GetString());
        Assert.DoesNotContain(logs.Lines, line => line.Contains("prison", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("父が来月出所します")]
    [InlineData("療育手帳")]
    [InlineData("OK")]
    [InlineData("12/3")]
    [InlineData("🙏🙏")]
    public async Task Japanese_and_short_messages_are_decided_here_and_never_sent(string text)
    {
        await using var azure = await FakeAzureLanguage.StartAsync();
        var logs = new LogCollector();
        await using var services = azure.CreateServices(logs);

        var detected = await services.GetRequiredService<ILanguageDetector>().DetectAsync(text, CancellationToken.None);

        Assert.True(detected.IsJapanese);
        Assert.Empty(azure.Calls);
    }

    [Fact]
    public async Task Only_the_start_of_a_long_message_is_sent()
    {
        await using var azure = await FakeAzureLanguage.StartAsync();
        var logs = new LogCollector();
        await using var services = azure.CreateServices(logs);
        var text = string.Concat(Enumerable.Repeat("My father will be released next month. ", 200));

        var detected = await services.GetRequiredService<ILanguageDetector>().DetectAsync(text, CancellationToken.None);

        Assert.Equal("en", detected.Code);
        var sent = Assert.Single(Assert.Single(azure.Calls).Texts);
        Assert.Equal(1000, sent.Length);
        Assert.StartsWith(sent, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(Unknown)", 0.0)]
    [InlineData("fr", 0.4)]
    public async Task An_unsure_service_answer_leaves_the_local_answer(string iso, double confidence)
    {
        await using var azure = await FakeAzureLanguage.StartAsync();
        azure.Language = _ => (iso, confidence);
        var logs = new LogCollector();
        await using var services = azure.CreateServices(logs);
        const string text = "Hello, my brother is in prison and needs help";

        var detected = await services.GetRequiredService<ILanguageDetector>().DetectAsync(text, CancellationToken.None);

        Assert.Equal(new LocalLanguageDetector().Detect(text), detected);
        Assert.Single(azure.Calls);
    }

    [Fact]
    public async Task Japanese_from_the_service_is_taken_however_sure_it_is()
    {
        await using var azure = await FakeAzureLanguage.StartAsync();
        azure.Language = _ => ("ja", 0.6);
        var logs = new LogCollector();
        await using var services = azure.CreateServices(logs);

        var detected = await services.GetRequiredService<ILanguageDetector>().DetectAsync("watashi no chichi wa keimusho ni imasu", CancellationToken.None);

        Assert.True(detected.IsJapanese);
    }

    [Theory]
    [InlineData(500, "{\"error\":{\"code\":\"InternalServerError\",\"message\":\"x\"}}")]
    [InlineData(200, "{\"kind\":\"LanguageDetectionResults\",\"results\":")]
    [InlineData(200, "{\"kind\":\"LanguageDetectionResults\",\"results\":{\"documents\":[],\"errors\":[],\"modelVersion\":\"x\"}}")]
    public async Task A_failing_service_leaves_the_local_detector_to_answer(int status, string body)
    {
        await using var azure = await FakeAzureLanguage.StartAsync();
        azure.Respond = (_, _) => Task.FromResult<IResult?>(FakeAzureLanguage.Json(status, body));
        var logs = new LogCollector();
        await using var services = azure.CreateServices(logs);
        const string text = "Hello, my brother is in prison and he needs a place to live";

        var detected = await services.GetRequiredService<ILanguageDetector>().DetectAsync(text, CancellationToken.None);

        Assert.Equal(new LocalLanguageDetector().Detect(text), detected);
        Assert.Equal("en", detected.Code);
        Assert.Contains(logs.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains("Language:", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains("prison", StringComparison.Ordinal));
    }
}
