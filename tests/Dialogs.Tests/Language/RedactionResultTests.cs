using IntakeBot.Dialogs.Language;

namespace IntakeBot.Dialogs.Tests.Language;

public sealed class RedactionResultTests
{
    private static readonly LocalPiiRedactor Redactor = new();

    // Redacts to 「[PERSON_1]さんの電話は[PHONE_NUMBER_1]です」.
    private static RedactionResult Story() => Redactor.Redact("山田太郎さんの電話は090-1234-5678です");

    [Fact]
    public void A_placeholder_the_model_dropped_is_simply_missing_from_the_restored_text()
    {
        Assert.Equal("要約：山田太郎さんから相談。", Story().Restore("要約：[PERSON_1]さんから相談。"));
    }

    [Fact]
    public void A_placeholder_the_model_repeated_is_restored_every_time()
    {
        Assert.Equal("山田太郎さんと山田太郎さん", Story().Restore("[PERSON_1]さんと[PERSON_1]さん"));
    }

    [Theory]
    [InlineData("[PERSON_9]さん")]
    [InlineData("[ADDRESS_1]に住む")]
    [InlineData("[FOO_1]と[PERSON_]と[]と[")]
    [InlineData("")]
    public void A_placeholder_this_result_did_not_issue_is_left_as_it_is(string modelOutput)
    {
        Assert.Equal(modelOutput, Story().Restore(modelOutput));
    }

    [Theory]
    [InlineData("［ＰＥＲＳＯＮ＿１］さん")]
    [InlineData("[person_1]さん")]
    [InlineData("[PERSON 1]さん")]
    [InlineData("[ PERSON_1 ]さん")]
    [InlineData("PERSON_1さん")]
    [InlineData("[PERSON_1さん")]
    public void Placeholders_a_model_reformatted_are_still_restored(string modelOutput)
    {
        Assert.Equal("山田太郎さん", Story().Restore(modelOutput));
    }

    [Fact]
    public void Text_without_personal_information_is_unchanged_and_restores_to_itself()
    {
        var result = Redactor.Redact("横浜市に帰る予定です");

        Assert.Equal("横浜市に帰る予定です", result.Text);
        Assert.Empty(result.Entities);
        Assert.Equal("何でも", result.Restore("何でも"));
    }

    [Fact]
    public void Overlapping_findings_are_settled_longest_first_then_by_the_more_specific_category()
    {
        const string text = "0123456789012";
        var result = RedactionResult.Create(text,
        [
            new PiiSpan(PiiCategory.PhoneNumber, 0, 11),
            new PiiSpan(PiiCategory.MyNumber, 1, 12),
            new PiiSpan(PiiCategory.CaseNumber, 1, 12),
        ]);

        Assert.Equal("0[CASE_NUMBER_1]", result.Text);
        Assert.Equal(text, result.Restore(result.Text));
    }

    [Fact]
    public void Findings_outside_the_text_or_empty_are_ignored()
    {
        var result = RedactionResult.Create("山田さん",
        [
            new PiiSpan(PiiCategory.Person, -1, 2),
            new PiiSpan(PiiCategory.Person, 3, 5),
            new PiiSpan(PiiCategory.Person, 1, 0),
            new PiiSpan(PiiCategory.Person, 0, 2),
        ]);

        Assert.Equal("[PERSON_1]さん", result.Text);
    }

    [Fact]
    public void A_finding_inside_a_placeholder_already_in_the_text_is_ignored()
    {
        // A remote recognizer may well call 「PHONE_NUMBER_1」 a phone number or a name.
        var result = RedactionResult.Create("[PHONE_NUMBER_1]の山田", [new PiiSpan(PiiCategory.Person, 1, 12), new PiiSpan(PiiCategory.Person, 17, 2)]);

        Assert.Equal("[PHONE_NUMBER_1]の[PERSON_1]", result.Text);
        Assert.Equal("[PHONE_NUMBER_1]の山田", result.Restore(result.Text));
    }

    [Fact]
    public void The_same_value_twice_gets_one_placeholder_and_different_spellings_get_their_own()
    {
        var result = Redactor.Redact("090-1234-5678、090-1234-5678、０９０－１２３４－５６７８");

        Assert.Equal("[PHONE_NUMBER_1]、[PHONE_NUMBER_1]、[PHONE_NUMBER_2]", result.Text);
        Assert.Equal(3, result.Entities.Count);
    }

    [Fact]
    public void An_entity_printed_to_a_log_shows_no_personal_information()
    {
        var entity = Story().Entities[0];

        Assert.DoesNotContain("山田", entity.ToString(), StringComparison.Ordinal);
        Assert.Contains("[PERSON_1]", entity.ToString(), StringComparison.Ordinal);
    }
}
