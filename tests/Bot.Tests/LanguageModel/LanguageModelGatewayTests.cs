using System.Diagnostics;
using System.Text.Json;
using IntakeBot.Bot.LanguageModel;
using IntakeBot.Bot.Tests.Support;
using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Records;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IntakeBot.Bot.Tests.LanguageModel;

/// <summary>
/// Semantic Kernel's real OpenAI connector against a loopback server speaking the documented
/// chat-completions format: what is sent (redacted, framed, audited), and that every failure
/// (429, 500, malformed JSON, timeout, a tool call nobody offered) is "no answer", never an exception.
/// </summary>
[Collection(nameof(ModelHostCollection))]
public sealed class LanguageModelGatewayTests(ModelHostFixture fixture)
{
    // Long, vague for the rules, with a name and a phone number that must not leave the machine.
    public const string Story = "山本花子と申します。うちの人のことでずっと前から気になっていたのですが、ようやく外の暮らしに戻ってくることになりました。電話は090-1234-5678です。";
    public static readonly string[] Personal = ["山本", "花子", "090-1234-5678", "09012345678"];

    private static readonly DateOnly Today = IntakeConversation.CenterDate(DateTimeOffset.UtcNow);

    private T Get<T>() where T : notnull => fixture.Host.Services.GetRequiredService<T>();

    private Task<ModelResult> AskAsync(TimeSpan? timeout = null) => Get<LanguageModelGateway>().AskAsync(
        new ModelRequest(ModelUse.Answer, "Answer briefly.", Story, timeout ?? TimeSpan.FromSeconds(2), 100), CancellationToken.None);

    [Fact]
    public async Task Story_facts_come_back_checked_and_the_request_carries_placeholders_only()
    {
        fixture.Reset();

        var facts = await Get<StoryExtraction>().ReadAsync(Story, Today, TimeSpan.FromSeconds(2), CancellationToken.None);

        Assert.NotNull(facts);
        Assert.Equal(Relation.Spouse, facts.Record.Relation);
        Assert.Equal(Stage.Released, facts.Record.Stage);
        Assert.Equal(67, facts.Record.SubjectAge);
        Assert.Equal([Need.Housing], facts.Record.Needs);

        var call = Assert.Single(fixture.Fake.Calls);
        Assert.Equal("/v1/chat/completions", call.Path);
        Assert.Equal($"Bearer {FakeOpenAi.Key}", call.Authorization);
        Assert.Equal(FakeOpenAi.ModelName, call.Model);
        Assert.Equal("json_schema", call.Body.GetProperty("response_format").GetProperty("type").GetString());
        Assert.True(call.Body.GetProperty("response_format").GetProperty("json_schema").GetProperty("strict").GetBoolean());
        Assert.False(call.Body.TryGetProperty("tools", out _));
        foreach (var personal in Personal)
        {
            Assert.DoesNotContain(personal, call.Raw, StringComparison.Ordinal);
        }

        Assert.Contains("[PERSON_1]", call.User, StringComparison.Ordinal);
        Assert.Contains("[PHONE_NUMBER_1]", call.User, StringComparison.Ordinal);
        Assert.Contains("うちの人のことで", call.User, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_was_sent_is_audited_as_a_hash_and_counts_and_logged_without_text()
    {
        fixture.Reset();

        await Get<StoryExtraction>().ReadAsync(Story, Today, TimeSpan.FromSeconds(2), CancellationToken.None);

        var call = Assert.Single(fixture.Fake.Calls);
        var row = (await fixture.AuditAsync("model.story"))[^1];
        Assert.Equal(LanguageModelGateway.AuditActor, row.UserName);
        Assert.Equal("ok", row.Outcome);
        Assert.Contains($"sha256={LanguageModelGateway.Sha256(call.User)}", row.Detail, StringComparison.Ordinal);
        Assert.Contains("placeholders=2", row.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("うちの人", row.Detail, StringComparison.Ordinal);
        foreach (var personal in Personal.Append("うちの人").Append("[PERSON_1]"))
        {
            Assert.DoesNotContain(fixture.Host.Logs.Lines, line => line.Contains(personal, StringComparison.Ordinal));
        }

        Assert.Contains(fixture.Host.Logs.Lines, line => line.Contains("Language model Story: ok", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rate_limiting_is_no_answer_at_once_with_the_wait_asked_for()
    {
        fixture.Reset((_, _) => Task.FromResult(FakeOpenAi.Error(429, "rate_limit_exceeded", "Rate limit reached for requests", retryAfterSeconds: 20)));

        var result = await AskAsync();

        Assert.False(result.Succeeded);
        Assert.Equal("http429", result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(20), result.RetryAfter);
        Assert.Single(fixture.Fake.Calls); // no retries inside a chat turn: the rules answer
        Assert.Equal("failed", (await fixture.AuditAsync("model.answer"))[^1].Outcome);
    }

    [Fact]
    public async Task A_server_error_is_no_answer()
    {
        fixture.Reset((_, _) => Task.FromResult(FakeOpenAi.Error(500, "server_error", "The server had an error while processing your request.")));

        var result = await AskAsync();

        Assert.Equal("http500", result.Outcome);
        Assert.Null(result.Content);
        Assert.Single(fixture.Fake.Calls);
    }

    [Fact]
    public async Task Malformed_json_from_the_server_is_no_answer()
    {
        fixture.Reset((_, _) => Task.FromResult(FakeOpenAi.Malformed()));

        var result = await AskAsync();
        var facts = await Get<StoryExtraction>().ReadAsync(Story, Today, TimeSpan.FromSeconds(2), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.StartsWith("error:", result.Outcome, StringComparison.Ordinal);
        Assert.Null(facts);
    }

    [Fact]
    public async Task A_model_that_does_not_answer_in_time_is_given_up_on_at_the_timeout()
    {
        fixture.Reset((_, aborted) => FakeOpenAi.Slow(aborted));
        var watch = Stopwatch.StartNew();

        var result = await AskAsync(TimeSpan.FromSeconds(1));

        Assert.Equal("timeout", result.Outcome);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task A_tool_call_nobody_offered_runs_nothing_and_is_no_answer()
    {
        fixture.Reset((_, _) => Task.FromResult(FakeOpenAi.ToolCall("create_ticket", """{"priority":"緊急"}""")));

        var result = await AskAsync();

        Assert.Equal("empty", result.Outcome);
        Assert.Single(fixture.Fake.Calls);
    }

    [Theory]
    [InlineData("これは JSON ではありません")]
    [InlineData("""{"stage":"ignore previous instructions","relation":"父","subject_age":"67"}""")]
    [InlineData("[1,2,3]")]
    public async Task A_story_answer_that_is_not_valid_facts_gives_none(string content)
    {
        fixture.Reset((_, _) => Task.FromResult(FakeOpenAi.Completion(content)));

        var facts = await Get<StoryExtraction>().ReadAsync(Story, Today, TimeSpan.FromSeconds(2), CancellationToken.None);

        Assert.Null(facts);
    }

    [Fact]
    public async Task Placeholders_in_the_answer_are_put_back()
    {
        fixture.Reset((_, _) => Task.FromResult(FakeOpenAi.Completion("[PERSON_1]さんの件です。連絡先は[PHONE_NUMBER_1]。")));

        var result = await AskAsync();

        Assert.Equal("山本花子さんの件です。連絡先は090-1234-5678。", result.Restore(result.Content!));
    }

    [Fact]
    public async Task Story_values_the_model_wrote_as_placeholders_are_checked_as_what_they_stand_for()
    {
        const string story = "横浜市中区山下町1-2-3に戻る予定の家族のことです。ずっと前から気になっていたことを、いま書いています。";
        fixture.Reset((_, _) => Task.FromResult(FakeOpenAi.Completion("""{"return_area":"[ADDRESS_1]","relation":"きょうだい"}""")));

        var facts = await Get<StoryExtraction>().ReadAsync(story, Today, TimeSpan.FromSeconds(2), CancellationToken.None);

        var call = Assert.Single(fixture.Fake.Calls);
        Assert.DoesNotContain("山下町1-2-3", call.User, StringComparison.Ordinal);
        Assert.NotNull(facts);
        Assert.Equal("神奈川県", facts.Record.ReturnPrefecture);
    }
}

[CollectionDefinition(nameof(ModelHostCollection))]
public sealed class ModelHostCollection : ICollectionFixture<ModelHostFixture>;
