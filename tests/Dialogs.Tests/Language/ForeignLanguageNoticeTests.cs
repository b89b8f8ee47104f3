using IntakeBot.Dialogs.Center;
using IntakeBot.Dialogs.Language;

namespace IntakeBot.Dialogs.Tests.Language;

public sealed class ForeignLanguageNoticeTests
{
    private const string Phone = "045-000-0000";
    private const string Hours = "平日 9時〜17時";

    public static TheoryData<string> Languages => new(ForeignLanguageNotice.Languages);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_notice_gives_the_centers_phone_and_hours(string language)
    {
        var notice = ForeignLanguageNotice.For(language, Phone, Hours);

        Assert.NotNull(notice);
        Assert.Contains(Phone, notice, StringComparison.Ordinal);
        Assert.Contains(Hours, notice, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_notice_gives_the_multilingual_line_when_there_is_one(string language)
    {
        var notice = ForeignLanguageNotice.For(language, Phone, Hours, "0120-000-000（英語・中国語）");

        Assert.Contains("0120-000-000（英語・中国語）", notice, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_notice_ends_by_inviting_the_writer_to_go_on_in_Japanese(string language)
    {
        Assert.EndsWith(ForeignLanguageNotice.ContinueInJapanese, ForeignLanguageNotice.For(language, Phone, Hours), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_language_has_its_own_wording()
    {
        var notices = ForeignLanguageNotice.Languages.Select(l => ForeignLanguageNotice.For(l, Phone, Hours)).ToList();

        Assert.Equal(notices.Count, notices.Distinct().Count());
    }

    [Theory]
    [InlineData("en", "Japanese only")]
    [InlineData("zh", "仅支持日语")]
    [InlineData("ko", "일본어로만")]
    [InlineData("vi", "tiếng Nhật")]
    [InlineData("pt", "japonês")]
    [InlineData("es", "japonés")]
    [InlineData("tl", "wikang Hapon")]
    public void Each_notice_says_in_its_language_that_the_chat_is_Japanese(string language, string phrase)
    {
        Assert.Contains(phrase, ForeignLanguageNotice.For(language, Phone, Hours), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("JA")]
    [InlineData("ja-JP")]
    [InlineData("")]
    [InlineData(null)]
    public void Japanese_gets_no_notice(string? language)
    {
        Assert.Null(ForeignLanguageNotice.For(language, Phone, Hours));
    }

    [Theory]
    [InlineData("pt-BR", "pt")]
    [InlineData("zh_chs", "zh")]
    [InlineData("ES", "es")]
    [InlineData("fr", "en")]
    [InlineData("th", "en")]
    public void Regional_tags_use_their_language_and_other_languages_get_English(string language, string expected)
    {
        Assert.Equal(ForeignLanguageNotice.For(expected, Phone, Hours), ForeignLanguageNotice.For(language, Phone, Hours));
    }

    [Fact]
    public void The_center_profile_supplies_phone_and_hours()
    {
        var center = new CenterProfile { Phone = Phone, PhoneHours = Hours };

        Assert.Equal(ForeignLanguageNotice.For("vi", Phone, Hours), ForeignLanguageNotice.For("vi", center));
    }

    [Fact]
    public void Without_hours_the_phone_stands_alone()
    {
        Assert.Contains("Please call the center at 045-000-0000.", ForeignLanguageNotice.For("en", Phone), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_phone_there_is_no_call_sentence_with_an_empty_number()
    {
        var notice = ForeignLanguageNotice.For("en", phone: " ", hours: Hours, multilingualLine: "0120-000-000");

        Assert.DoesNotContain("call", notice, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("0120-000-000", notice, StringComparison.Ordinal);
    }
}
