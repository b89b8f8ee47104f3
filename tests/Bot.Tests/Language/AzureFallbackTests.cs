using System.Diagnostics;
using IntakeBot.Bot.Tests.Support;
using IntakeBot.Dialogs.Language;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IntakeBot.Bot.Tests.Language;

/// <summary>
/// What happens when Azure AI Language is slow, rate limited, failing or talking nonsense: bounded
/// retries honouring Retry-After, then the local rules, quickly, and only status codes in the logs.
/// </summary>
public sealed class AzureFallbackTests
{
    private const string Story = "父の山本太郎が来月出所します。電話は090-1234-5678です。";
    private const string AzureAnswer = "父の[PERSON_1]が来月出所します。電話は[PHONE_NUMBER_1]です。";

    private static readonly string LocalAnswer = new LocalPiiRedactor().Redact(Story).Text;

    [Fact]
    public async Task Rate_limited_request_is_retried_after_the_delay_the_service_asks_for()
    {
        await using var azure = await StartAsync();
        azure.Respond = (call, _) => Task.FromResult(call.Number == 1 ? RateLimited(retryAfterSeconds: 2) : null);
        var clock = new RecordingClock(scale: 0.05); // the 2 s wait takes 100 ms
        var logs = new LogCollector();

        var result = await RedactStoryAsync(azure, logs, new Dictionary<string, string?>
        {
            ["Language:Azure:Timeout"] = "00:01:00", // scaled too: 3 s per attempt
            ["Language:Azure:TotalTimeout"] = "00:05:00",
        }, clock);

        Assert.Equal(AzureAnswer, result.Text);
        Assert.Equal(2, azure.Calls.Count);
        Assert.Contains(TimeSpan.FromSeconds(2), clock.Requested);
        Assert.DoesNotContain(clock.Requested, wait => wait > TimeSpan.FromSeconds(2) && wait < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task The_millisecond_wait_Azure_also_sends_is_preferred_to_whole_seconds()
    {
        await using var azure = await StartAsync();
        azure.Respond = (call, _) => Task.FromResult(call.Number == 1
            ? RateLimited(retryAfterSeconds: 1, extraHeader: ("retry-after-ms", "150"))
            : null);
        var clock = new RecordingClock(scale: 1);
        var logs = new LogCollector();

        var result = await RedactStoryAsync(azure, logs, clock: clock);

        Assert.Equal(AzureAnswer, result.Text);
        Assert.Contains(TimeSpan.FromMilliseconds(150), clock.Requested);
        Assert.DoesNotContain(TimeSpan.FromSeconds(1), clock.Requested);
    }

    [Fact]
    public async Task Rate_limiting_that_does_not_end_falls_back_to_the_local_rules_after_the_retries()
    {
        await using var azure = await StartAsync();
        azure.Respond = (_, _) => Task.FromResult<IResult?>(RateLimited(retryAfterSeconds: 1, extraHeader: ("retry-after-ms", "20")));
        var logs = new LogCollector();

        var result = await RedactStoryAsync(azure, logs);

        Assert.Equal(LocalAnswer, result.Text);
        Assert.Equal(3, azure.Calls.Count); // MaxRetries = 2
        Assert.Contains(logs.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains("HTTP 429", StringComparison.Ordinal));
        AssertNoPersonalText(logs);
    }

    [Fact]
    public async Task A_wait_longer_than_a_chat_turn_can_afford_is_not_waited_for()
    {
        await using var azure = await StartAsync();
        azure.Respond = (_, _) => Task.FromResult<IResult?>(RateLimited(retryAfterSeconds: 120));
        var logs = new LogCollector();
        var watch = Stopwatch.StartNew();

        var result = await RedactStoryAsync(azure, logs);

        Assert.Equal(LocalAnswer, result.Text);
        Assert.Single(azure.Calls);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_server_error_that_clears_is_retried_with_a_short_backoff()
    {
        await using var azure = await StartAsync();
        azure.Respond = (call, _) => Task.FromResult(call.Number == 1 ? FakeAzureLanguage.Json(503, """{"error":{"code":"ServiceUnavailable","message":"Busy."}}""") : null);
        var logs = new LogCollector();

        var result = await RedactStoryAsync(azure, logs);

        Assert.Equal(AzureAnswer, result.Text);
        Assert.Equal(2, azure.Calls.Count);
    }

    [Fact]
    public async Task Server_errors_that_persist_fall_back_to_the_local_rules()
    {
        await using var azure = await StartAsync();
        azure.Respond = (_, _) => Task.FromResult<IResult?>(FakeAzureLanguage.Json(500, """{"error":{"code":"InternalServerError","message":"Internal error."}}"""));
        var logs = new LogCollector();
        await using var services = azure.CreateServices(logs);

        var results = await services.GetRequiredService<IPiiRedactor>().RedactBatchAsync([Story, "兄の山本次郎さん"], CancellationToken.None);

        Assert.Equal(LocalAnswer, results[0].Text);
        Assert.Equal("兄の[PERSON_1]さん", results[1].Text);
        Assert.Equal(3, azure.Calls.Count);
        Assert.Contains(logs.Lines, line => line.Contains("HttpStatus", StringComparison.Ordinal) && line.Contains("HTTP 500", StringComparison.Ordinal) && line.Contains("InternalServerError", StringComparison.Ordinal));
        AssertNoPersonalText(logs);
    }

    [Fact]
    public async Task A_client_error_is_not_retried_and_falls_back()
    {
        await using var azure = await StartAsync();
        azure.Respond = (_, _) => Task.FromResult<IResult?>(FakeAzureLanguage.Json(401, """{"error":{"code":"401","message":"Access denied due to invalid subscription key."}}"""));
        var logs = new LogCollector();

        var result = await RedactStoryAsync(azure, logs);

        Assert.Equal(LocalAnswer, result.Text);
        Assert.Single(azure.Calls);
        Assert.DoesNotContain(logs.Lines, line => line.Contains(FakeAzureLanguage.Key, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"kind\":\"PiiEntityRecognitionResults\",\"results\":{\"documents\":[{\"id\":\"1\",\"entities\":[")]
    [InlineData("<html><body>Bad gateway</body></html>")]
    [InlineData("{\"kind\":\"PiiEntityRecognitionResults\"}")]
    [InlineData("{\"kind\":\"SentimentAnalysisResults\",\"results\":{\"documents\":[],\"errors\":[],\"modelVersion\":\"x\"}}")]
    [InlineData("{\"kind\":\"PiiEntityRecognitionResults\",\"results\":{\"documents\":[{\"id\":\"1\",\"entities\":[{\"category\":\"Person\",\"offset\":\"three\"}]}]}}")]
    [InlineData("null")]
    public async Task A_malformed_answer_falls_back_to_the_local_rules(string body)
    {
        await using var azure = await StartAsync();
        azure.Respond = (_, _) => Task.FromResult<IResult?>(FakeAzureLanguage.Json(200, body));
        var logs = new LogCollector();

        var result = await RedactStoryAsync(azure, logs);

        Assert.Equal(LocalAnswer, result.Text);
        Assert.Single(azure.Calls);
        Assert.Contains(logs.Lines, line => line.Contains("MalformedResponse", StringComparison.Ordinal));
        AssertNoPersonalText(logs);
    }

    [Fact]
    public async Task Entities_pointing_outside_the_text_are_ignored()
    {
        await using var azure = await StartAsync();
        azure.Respond = (_, _) => Task.FromResult<IResult?>(FakeAzureLanguage.Json(200, """
            {"kind":"PiiEntityRecognitionResults","results":{"documents":[{"id":"1","redactedText":"","warnings":[],
             "entities":[{"text":"x","category":"Person","offset":-3,"length":5,"confidenceScore":0.9},
                         {"text":"x","category":"Person","offset":20,"length":500,"confidenceScore":0.9},
                         {"text":"山本太郎","category":"Person","offset":2,"length":4,"confidenceScore":0.9}]}],
             "errors":[],"modelVersion":"2023-04-15"}}
            """));
        var logs = new LogCollector();

        var result = await RedactStoryAsync(azure, logs);

        Assert.Equal(AzureAnswer, result.Text);
    }

    [Fact]
    public async Task A_service_that_does_not_answer_falls_back_within_a_bounded_time()
    {
        await using var azure = await StartAsync();
        azure.Respond = FakeAzureLanguage.NeverAnswers;
        var logs = new LogCollector();
        var watch = Stopwatch.StartNew();

        var result = await RedactStoryAsync(azure, logs, new Dictionary<string, string?>
        {
            ["Language:Azure:Timeout"] = "00:00:00.300",
            ["Language:Azure:MaxRetries"] = "1",
        });

        Assert.Equal(LocalAnswer, result.Text);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        Assert.Equal(2, azure.Calls.Count);
        Assert.Contains(logs.Lines, line => line.Contains("Timeout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_total_timeout_bounds_all_attempts_together()
    {
        await using var azure = await StartAsync();
        azure.Respond = FakeAzureLanguage.NeverAnswers;
        var logs = new LogCollector();
        var watch = Stopwatch.StartNew();

        var result = await RedactStoryAsync(azure, logs, new Dictionary<string, string?>
        {
            ["Language:Azure:Timeout"] = "00:00:02",
            ["Language:Azure:TotalTimeout"] = "00:00:02.500",
            ["Language:Azure:MaxRetries"] = "5",
        });

        Assert.Equal(LocalAnswer, result.Text);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.True(azure.Calls.Count <= 2, $"{azure.Calls.Count} calls");
    }

    [Fact]
    public async Task An_unreachable_service_falls_back_to_the_local_rules()
    {
        string endpoint;
        await using (var stopped = await FakeAzureLanguage.StartAsync())
        {
            endpoint = stopped.Endpoint; // nothing listens there once it is disposed
        }

        await using var azure = await StartAsync();
        var logs = new LogCollector();

        var result = await RedactStoryAsync(azure, logs, new Dictionary<string, string?> { ["Language:Azure:Endpoint"] = endpoint });

        Assert.Equal(LocalAnswer, result.Text);
        Assert.Contains(logs.Lines, line => line.Contains("Unreachable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_swallowed_as_a_failure()
    {
        await using var azure = await StartAsync();
        azure.Respond = FakeAzureLanguage.NeverAnswers;
        var logs = new LogCollector();
        await using var services = azure.CreateServices(logs);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => services.GetRequiredService<IPiiRedactor>().RedactAsync(Story, cancel.Token));
    }

    private static async Task<FakeAzureLanguage> StartAsync()
    {
        var azure = await FakeAzureLanguage.StartAsync();
        azure.Pii.Add(("山本太郎", "Person"));
        azure.Pii.Add(("090-1234-5678", "PhoneNumber"));
        return azure;
    }

    private static async Task<RedactionResult> RedactStoryAsync(FakeAzureLanguage azure, LogCollector logs, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        await using var services = azure.CreateServices(logs, settings, clock);
        return await services.GetRequiredService<IPiiRedactor>().RedactAsync(Story, CancellationToken.None);
    }

    private static IResult RateLimited(int retryAfterSeconds, (string Name, string Value)? extraHeader = null) => new RateLimitedResult(retryAfterSeconds, extraHeader);

    private static void AssertNoPersonalText(LogCollector logs) =>
        Assert.DoesNotContain(logs.Lines, line => line.Contains("山本", StringComparison.Ordinal) || line.Contains("090-1234", StringComparison.Ordinal) || line.Contains("出所", StringComparison.Ordinal));

    /// <summary>429 as Azure sends it: Retry-After in seconds, optionally the millisecond header too.</summary>
    private sealed class RateLimitedResult(int retryAfterSeconds, (string Name, string Value)? extraHeader) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = 429;
            httpContext.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (extraHeader is { } header)
            {
                httpContext.Response.Headers[header.Name] = header.Value;
            }

            httpContext.Response.ContentType = "application/json";
            return httpContext.Response.WriteAsync("""{"error":{"code":"429","message":"Rate limit is exceeded. Try again in 2 seconds."}}""");
        }
    }
}
