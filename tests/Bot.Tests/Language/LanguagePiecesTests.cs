using System.Net;
using IntakeBot.Bot.Language;

namespace IntakeBot.Bot.Tests.Language;

/// <summary>The pure parts: cutting long texts to the service's limit, and reading the wait a 429 asks for.</summary>
public sealed class LanguagePiecesTests
{
    [Fact]
    public void A_text_within_the_limit_is_one_piece()
    {
        Assert.Equal([(0, "山本太郎さん")], DocumentChunks.Split("山本太郎さん"));
    }

    [Fact]
    public void Pieces_cover_the_text_exactly_and_end_at_a_sentence_when_one_is_near()
    {
        var text = string.Concat(Enumerable.Repeat("あいうえおかきく。", 4)); // 36 characters, a sentence end every 9

        var pieces = DocumentChunks.Split(text, maxTextElements: 10);

        Assert.Equal(text, string.Concat(pieces.Select(p => p.Text)));
        Assert.All(pieces, p => Assert.Equal(p.Text, text.Substring(p.Offset, p.Text.Length)));
        Assert.All(pieces, p => Assert.EndsWith("。", p.Text, StringComparison.Ordinal));
        Assert.All(pieces, p => Assert.Equal(9, p.Text.Length));
    }

    [Fact]
    public void Pieces_never_split_an_emoji_and_are_counted_in_text_elements()
    {
        var text = string.Concat(Enumerable.Repeat("👨‍👩‍👦", 7)); // 7 text elements, 56 UTF-16 code units

        var pieces = DocumentChunks.Split(text, maxTextElements: 3);

        Assert.Equal(["👨‍👩‍👦👨‍👩‍👦👨‍👩‍👦", "👨‍👩‍👦👨‍👩‍👦👨‍👩‍👦", "👨‍👩‍👦"], pieces.Select(p => p.Text));
        Assert.Equal("👨‍👩‍👦", DocumentChunks.Head(text, 1));
    }

    [Fact]
    public void The_wait_is_read_from_seconds_a_date_or_Azures_millisecond_headers()
    {
        var clock = TimeProvider.System;
        using var seconds = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = new(TimeSpan.FromSeconds(7)) } };
        using var date = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = new(clock.GetUtcNow().AddSeconds(30)) } };
        using var milliseconds = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = new(TimeSpan.FromSeconds(7)) } };
        milliseconds.Headers.Add("x-ms-retry-after-ms", "1234");
        using var none = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Assert.Equal(TimeSpan.FromSeconds(7), AzureLanguageRetry.RetryAfter(seconds, clock));
        Assert.InRange(AzureLanguageRetry.RetryAfter(date, clock)!.Value, TimeSpan.FromSeconds(28), TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.FromMilliseconds(1234), AzureLanguageRetry.RetryAfter(milliseconds, clock));
        Assert.Null(AzureLanguageRetry.RetryAfter(none, clock));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, 2, true)]
    [InlineData(HttpStatusCode.TooManyRequests, 60, false)]
    [InlineData(HttpStatusCode.InternalServerError, null, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, 1, true)]
    [InlineData(HttpStatusCode.RequestTimeout, null, true)]
    [InlineData(HttpStatusCode.BadRequest, null, false)]
    [InlineData(HttpStatusCode.Unauthorized, null, false)]
    [InlineData(HttpStatusCode.OK, null, false)]
    public void Transient_statuses_are_retried_unless_the_wait_is_too_long(HttpStatusCode status, int? retryAfterSeconds, bool retried)
    {
        using var response = new HttpResponseMessage(status);
        if (retryAfterSeconds is { } wait)
        {
            response.Headers.RetryAfter = new(TimeSpan.FromSeconds(wait));
        }

        Assert.Equal(retried, AzureLanguageRetry.ShouldRetry(Polly.Outcome.FromResult(response), TimeSpan.FromSeconds(3), TimeProvider.System));
    }

    [Fact]
    public void Network_errors_and_attempt_timeouts_are_retried_other_exceptions_not()
    {
        Assert.True(AzureLanguageRetry.ShouldRetry(Polly.Outcome.FromException<HttpResponseMessage>(new HttpRequestException("refused")), TimeSpan.FromSeconds(3), TimeProvider.System));
        Assert.True(AzureLanguageRetry.ShouldRetry(Polly.Outcome.FromException<HttpResponseMessage>(new Polly.Timeout.TimeoutRejectedException()), TimeSpan.FromSeconds(3), TimeProvider.System));
        Assert.False(AzureLanguageRetry.ShouldRetry(Polly.Outcome.FromException<HttpResponseMessage>(new InvalidOperationException()), TimeSpan.FromSeconds(3), TimeProvider.System));
    }
}
