using IntakeBot.Dialogs.Center;
using IntakeBot.Dialogs.Language;

namespace IntakeBot.Dialogs.Tests.Language;

public sealed class DetectedLanguageTests
{
    [Theory]
    [InlineData("zh_chs", "zh")]
    [InlineData("zh_cht", "zh")]
    [InlineData("zh-Hans", "zh")]
    [InlineData("pt-BR", "pt")]
    [InlineData("EN", "en")]
    [InlineData("fil", "tl")]
    [InlineData("ja", "ja")]
    public void Service_language_codes_are_reduced_to_ISO_639_1(string serviceCode, string expected)
    {
        Assert.Equal(expected, DetectedLanguage.FromServiceCode(serviceCode, 0.9).Code);
    }

    [Theory]
    [InlineData("(Unknown)")]
    [InlineData("")]
    [InlineData(null)]
    public void An_unknown_language_from_a_service_is_Japanese_by_default(string? serviceCode)
    {
        Assert.Equal(DetectedLanguage.JapaneseByDefault, DetectedLanguage.FromServiceCode(serviceCode, 1.0));
    }

    [Theory]
    [InlineData(1.7, 1.0)]
    [InlineData(-0.2, 0.0)]
    [InlineData(double.NaN, 0.0)]
    public void Service_confidence_is_kept_between_0_and_1(double score, double expected)
    {
        Assert.Equal(expected, DetectedLanguage.FromServiceCode("en", score).Confidence);
    }

    [Fact]
    public void A_detected_language_gives_its_notice_and_Japanese_gives_none()
    {
        var center = new CenterProfile { Phone = "045-000-0000", PhoneHours = "平日 9時〜17時" };

        Assert.Contains("045-000-0000", ForeignLanguageNotice.For(new DetectedLanguage("ko", 0.9), center), StringComparison.Ordinal);
        Assert.Null(ForeignLanguageNotice.For(DetectedLanguage.JapaneseByDefault, center));
    }
}
