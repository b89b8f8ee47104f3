using IntakeBot.Bot.Language;
using IntakeBot.Bot.Tests.Support;
using IntakeBot.Dialogs.Language;
using Microsoft.Extensions.DependencyInjection;

namespace IntakeBot.Bot.Tests.Language;

/// <summary>
/// PII redaction with Azure AI Language on: the documented request, the service's findings added
/// to the local rules' in the same placeholder scheme, batching to the service's limits, and
/// per-document errors answered by the local rules.
/// </summary>
public sealed class AzurePiiRedactorTests
{
    // 山本太郎 has no honorific, label or introduction: the local rules cannot see it, Azure can.
    private const string Story = "父の山本太郎が来月出所します。電話は090-1234-5678です。";

    [Fact]
    public async Task The_request_follows_the_documented_analyze_text_contract()
    {
        await using var azure = await FakeAzureLanguage.StartAsync();
        var logs = new LogCollector();
        await using var services = azure.CreateServices(logs);

        await services.GetRequiredService<IPiiRedactor>().RedactAsync(Story, CancellationToken.None);

        var call = Assert.Single(azure.Calls);
        Assert.Equal("/language/:analyze-text", call.Path);
        Assert.Equal("2023-04-01", call.ApiVersion);
        Assert.Equal(FakeAzureLanguage.Key, call.Key);
        Assert.StartsWith("application/json", call.ContentType, StringComparison.Ordinal);
        Assert.Equal("PiiEntityRecognition", call.Kind);
        Assert.Equal("Utf16CodeUnit", call.Parameters.GetProperty("stringIndexType").GetString());
        Assert.Equal("latest", call.Parameters.GetProperty("modelVersion").GetString());
        Assert.True(call.Parameters.GetProperty("loggingOptOut").GetBoolean());
        Assert.Equal(AzurePiiCategories.Requested, call.Parameters.GetProperty("piiCategories").EnumerateArray().Select(c => c.GetString()!));
        var document = Assert.Single(call.Documents);
        Assert.Equal("1", document.GetProperty("id").GetString());
        Assert.Equal("ja", document.GetProperty("language").GetString());
        Assert.Equal(Story, document.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_name_only_Azure_recognizes_gets_a_placeholder_and_is_restored()
    {
        await using var azure = await FakeAzureLanguage.StartAsync();
        azure.Pii.Add(("山本太郎", "Person"));
        azure.Pii.Add(("090-1234-5678", "PhoneNumber"));
        var logs = new LogCollector();
        await using var services = azure.CreateServices(logs);
        Assert.Contains("山本太郎", new LocalPiiRedactor().Redact(Story).Text, StringComparison.Ordinal);

        var result = await services.GetRequiredService<IPiiRedactor>().RedactAsync(Story, CancellationToken.None);

        Assert.Equal("父の[PERSON_1]が来月出所します。電話は[PHONE_NUMBER_1]です。", result.Text);
        Assert.Equal(Story, result.Restore(result.Text));
        Assert.Equal("山本太郎さんの件は承りました。090-1234-5678にお電話します。", result.Restore("[person 1]さんの件は承りました。［ＰＨＯＮＥ＿ＮＵＭＢＥＲ＿１］にお電話します。"));
        Assert.DoesNotContain(logs.Lines, line => line.Contains("山本", StringComparison.Ordinal) || line.Contains("090", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Japanese_identifiers_the_service_does_not_know_are_still_redacted_when_Azure_is_on()
    {
        await using var azure = await FakeAzureLanguage.StartAsync();
        var logs = new LogCollector();
        await using var services = azure.CreateServices(logs);
        const string text = "称呼番号123の父は昭和33年5月1日生まれで、〒231-0021に住んでいました。12月3日に出所です。";

        var result = await services.GetRequiredService<IPiiRedactor>().RedactAsync(text, CancellationToken.None);

        Assert.Single(azure.Calls);
        Assert.Equal("称呼番号[CASE_NUMBER_1]の父は[DATE_OF_BIRTH_1]生まれで、〒[POSTAL_CODE_1]に住んでいました。12月3日に出所です。", result.Text);
        Assert.Equal(text, result.Restore(result.Text));
    }

    [Fact]
    public async Task Offsets_are_UTF16_code_units_so_a_name_after_an_emoji_is_cut_exactly()
    {
        await using var azure = await FakeAzureLanguage.StartAsync();
        azure.Pii.Add(("山本太郎", "Person"));
        var logs = new LogCollector();
        await using var services = azure.CreateServices(logs);
        const string text = "👨‍👩‍👦家族です🙏 父の山本太郎のことで相談です";

        var result = await services.GetRequiredService<IPiiRedactor>().RedactAsync(text, CancellationToken.None);

        Assert.Equal("👨‍👩‍👦家族です🙏 父の[PERSON_1]のことで相談です", result.Text);
        Assert.Equal(text, result.Restore(result.Text));
    }

    [Fact]
    public async Task Municipalities_and_categories_the_product_keeps_stay_in_the_text()
    {
        await using var azure = await FakeAzureLanguage.StartAsync();
        azure.Pii.Add(("横浜市", "Address"));
        azure.Pii.Add(("川崎市川崎区宮本町1-2", "Address"));
        azure.Pii.Add(("横浜刑務所", "Organization"));
        azure.Pii.Add(("72歳", "Age"));
        azure.Pii.Add(("来月10日", "DateTime"));
        var logs = new LogCollector();
        await using var services = azure.CreateServices(logs);
        const string text = "72歳の父が来月10日に横浜刑務所を出て横浜市に帰ります。以前は川崎市川崎区宮本町1-2にいました。";

        var result = await services.GetRequiredService<IPiiRedactor>().RedactAsync(text, CancellationToken.None);

        Assert.Equal("72歳の父が来月10日に横浜刑務所を出て横浜市に帰ります。以前は[ADDRESS_1]にいました。", result.Text);
    }

    [Fact]
    public async Task More_texts_than_one_request_takes_are_sent_in_batches_of_five_and_answered_in_order()
    {
        await using var azure = await FakeAzureLanguage.StartAsync();
        var names = Enumerable.Range(0, 12).Select(i => "山本" + "一二三四五六七八九十壱弐"[i] + "郎").ToList();
        foreach (var name in names)
        {
            azure.Pii.Add((name, "Person"));
        }

        var logs = new LogCollector();
        await using var services = azure.CreateServices(logs);
        var texts = names.Select(name => $"兄の{name}が逮捕されました").ToList();

        var results = await services.GetRequiredService<IPiiRedactor>().RedactBatchAsync(texts, CancellationToken.None);

        Assert.Equal([5, 5, 2], azure.Calls.OrderBy(c => c.Number).Select(c => c.Documents.Count));
        Assert.Equal(texts, azure.Calls.OrderBy(c => c.Number).SelectMany(c => c.Texts));
        var ids = azure.Calls.SelectMany(c => c.Documents).Select(d => d.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(12, results.Count);
        Assert.All(results, r => Assert.Equal("兄の[PERSON_1]が逮捕されました", r.Text));
        Assert.Equal(texts, results.Select(r => r.Restore(r.Text)));
    }

    [Fact]
    public async Task A_text_longer_than_one_document_is_sent_in_pieces_and_offsets_are_shifted_back()
    {
        await using var azure = await FakeAzureLanguage.StartAsync();
        azure.Pii.Add(("山本太郎", "Person"));
        var logs = new LogCollector();
        await using var services = azure.CreateServices(logs);
        var filler = string.Concat(Enumerable.Repeat("今日は相談したいことがあります。", 400)); // 6,400 characters
        var text = "父の山本太郎について。" + filler + "父の山本太郎は来月出所です。";

        var result = await services.GetRequiredService<IPiiRedactor>().RedactAsync(text, CancellationToken.None);

        var call = Assert.Single(azure.Calls);
        Assert.Equal(2, call.Documents.Count);
        Assert.All(call.Texts, piece => Assert.True(piece.Length <= AzureLanguageClient.MaxTextElementsPerDocument));
        Assert.Equal(text, string.Concat(call.Texts));
        Assert.Equal("父の[PERSON_1]について。" + filler + "父の[PERSON_1]は来月出所です。", result.Text);
        Assert.Equal(text, result.Restore(result.Text));
    }

    [Fact]
    public async Task A_document_the_service_rejects_or_leaves_out_is_redacted_by_the_local_rules_and_the_others_by_Azure()
    {
        await using var azure = await FakeAzureLanguage.StartAsync();
        azure.Pii.Add(("山本太郎", "Person"));
        azure.RejectedIds.Add("2");
        azure.MissingIds.Add("3");
        var logs = new LogCollector();
        await using var services = azure.CreateServices(logs);
        string[] texts = [Story, Story, Story];

        var results = await services.GetRequiredService<IPiiRedactor>().RedactBatchAsync(texts, CancellationToken.None);

        var local = new LocalPiiRedactor().Redact(Story).Text;
        Assert.Equal("父の[PERSON_1]が来月出所します。電話は[PHONE_NUMBER_1]です。", results[0].Text);
        Assert.Equal(local, results[1].Text);
        Assert.Equal(local, results[2].Text);
        Assert.Contains("[PHONE_NUMBER_1]", local, StringComparison.Ordinal);
        Assert.Contains(logs.Lines, line => line.Contains("InvalidArgument", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.Contains("Missing", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains("山本", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Empty_texts_are_not_sent()
    {
        await using var azure = await FakeAzureLanguage.StartAsync();
        var logs = new LogCollector();
        await using var services = azure.CreateServices(logs);

        var results = await services.GetRequiredService<IPiiRedactor>().RedactBatchAsync(["", "  ", Story], CancellationToken.None);

        Assert.Equal([Story], Assert.Single(azure.Calls).Texts);
        Assert.Equal("", results[0].Text);
        Assert.Equal("  ", results[1].Text);
    }
}
