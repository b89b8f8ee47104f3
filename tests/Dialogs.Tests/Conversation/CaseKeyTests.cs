using IntakeBot.Dialogs.Conversation;

namespace IntakeBot.Dialogs.Tests.Conversation;

/// <summary>Reading a 受付番号 and 引き継ぎコード as people type them.</summary>
public sealed class CaseKeyTests
{
    [Theory]
    [InlineData("受付番号 KN-2026-000123 とコード 7KQ2-MX9D", "KN-2026-000123", "7KQ2MX9D")]
    [InlineData("KN-2026-000123 7KQ2MX9D", "KN-2026-000123", "7KQ2MX9D")]
    [InlineData("ｋｎ－２０２６－０００１２３　７ｋｑ２－ｍｘ９ｄ", "KN-2026-000123", "7KQ2MX9D")]
    [InlineData("kn2026123 7kq2 mx9d", "KN-2026-000123", "7KQ2MX9D")]
    [InlineData("受付番号はKN-2026-123です。コードは7KQ2ーMX9Dです", "KN-2026-000123", "7KQ2MX9D")]
    [InlineData("うけつけばんごう KN-2026-000123", "KN-2026-000123", null)]
    [InlineData("コードは 7KQ2-MX9D です", null, "7KQ2MX9D")]
    [InlineData("7KQ2-MX9O", null, "7KQ2MX90")]
    [InlineData("2026-000123 と 7KQ2-MX9D", "2026-000123", "7KQ2MX9D")]
    public void A_reference_number_and_a_code_are_read_as_typed(string text, string? reference, string? code)
    {
        var key = CaseKey.Read(text);

        Assert.Equal(reference, key.Reference);
        Assert.Equal(code, key.Code);
    }

    [Theory]
    [InlineData("PASSWORD")]
    [InlineData("電話は090-1234-5678です")]
    [InlineData("息子のことです")]
    public void Words_and_phone_numbers_are_no_code(string text) => Assert.Null(CaseKey.Read(text).Code);

    [Theory]
    [InlineData("受付番号で続きから", true)]
    [InlineData("ひきつぎコードがあります", true)]
    [InlineData("KN-2026-000123", true)]
    [InlineData("2026-12-08に出所しました", false)]
    [InlineData("息子が逮捕されました", false)]
    public void Coming_back_is_recognised_only_from_its_words_or_a_full_reference(string text, bool mentioned) =>
        Assert.Equal(mentioned, CaseKey.IsMentionedIn(text));

    [Fact]
    public void A_code_is_shown_in_two_groups_of_four() => Assert.Equal("7KQ2-MX9D", CaseKey.Display("7KQ2MX9D"));
}
