using IntakeBot.Dialogs.Language;

namespace IntakeBot.Dialogs.Tests.Language;

public sealed class LocalLanguageDetectorTests
{
    private static readonly LocalLanguageDetector Detector = new();

    public static TheoryData<string, string> Messages => new()
    {
        // Japanese, including kanji-only answers and rōmaji.
        { "72歳の父が来月10日に刑務所を出るのですが、帰る家がなくて困っています。", "ja" },
        { "ちちが けいむしょから でてきます", "ja" },
        { "ヤマダタロウ", "ja" },
        { "横浜市", "ja" },
        { "療育手帳", "ja" },
        { "知的障害", "ja" },
        { "現在不明", "ja" },
        { "OKです", "ja" },
        { "watashi no chichi ga keimusho kara demasu", "ja" },
        // English.
        { "My father will be released from prison next month. Can you help?", "en" },
        { "Hello, I don't speak Japanese.", "en" },
        { "I need help for my brother", "en" },
        // Chinese, simplified and traditional.
        { "我父亲下个月出狱，没有地方住。", "zh" },
        { "我的兒子在監獄裡，請問怎麼辦？", "zh" },
        { "你好", "zh" },
        { "谢谢", "zh" },
        // Korean.
        { "안녕하세요. 아버지가 다음 달에 출소합니다.", "ko" },
        { "도와주세요", "ko" },
        // Vietnamese, with and without diacritics.
        { "Xin chào, tôi không nói được tiếng Nhật.", "vi" },
        { "Bố tôi sắp ra tù, tôi cần giúp đỡ.", "vi" },
        { "toi khong biet tieng nhat", "vi" },
        // Portuguese.
        { "Olá, meu pai vai sair da prisão no mês que vem.", "pt" },
        { "Eu não falo japonês, preciso de ajuda.", "pt" },
        { "Obrigado pela ajuda", "pt" },
        // Spanish.
        { "Hola, mi padre sale de la cárcel el próximo mes.", "es" },
        { "No hablo japonés, necesito ayuda.", "es" },
        { "Gracias por su ayuda", "es" },
        // Tagalog.
        { "Magandang umaga po. Kailangan ko po ng tulong.", "tl" },
        { "Hindi po ako marunong ng Hapon.", "tl" },
        { "Salamat po", "tl" },
        // A Latin-script language without its own notice gets the English one.
        { "Bonjour, je voudrais parler avec quelqu'un au sujet de mon frère qui sort de prison", "en" },
    };

    /// <summary>Nothing to go on: the service's own language, never a dead-end foreign reply.</summary>
    public static TheoryData<string?> ShortOrAmbiguous => new()
    {
        "OK", "ok", "ok ok", "Hello", "Hi", "yes", "no", "Thanks!", "Gracias", "A",
        "123", "０９０－１２３４－５６７８", "😊", "👍👍", "!!!", "", "   ", null,
        "네", "是", "https://example.com/page", "yamada@example.com",
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Detects_the_language_of_a_message(string text, string expected)
    {
        var detected = Detector.Detect(text);

        Assert.Equal(expected, detected.Code);
        Assert.Equal(expected == "ja", detected.IsJapanese);
        Assert.InRange(detected.Confidence, 0, 1);
    }

    [Fact]
    public void Kana_makes_Japanese_whatever_else_is_in_the_message()
    {
        Assert.True(Detector.Detect("My father is in 刑務所です").IsJapanese);
    }

    [Theory]
    [MemberData(nameof(ShortOrAmbiguous))]
    public void Short_or_ambiguous_text_defaults_to_Japanese(string? text)
    {
        var detected = Detector.Detect(text);

        Assert.True(detected.IsJapanese);
        Assert.Equal(DetectedLanguage.FallbackConfidence, detected.Confidence);
    }

    [Fact]
    public void Japanese_found_by_kana_is_more_certain_than_Japanese_by_default()
    {
        Assert.True(Detector.Detect("はい、そうです").Confidence > Detector.Detect("OK").Confidence);
    }

    [Fact]
    public async Task The_async_detector_gives_the_same_answer()
    {
        Assert.Equal(Detector.Detect("Salamat po"), await Detector.DetectAsync("Salamat po", CancellationToken.None));
    }

    [Fact]
    public void Every_language_the_detector_finds_has_a_notice_except_Japanese()
    {
        foreach (var code in Messages.Select(row => (string)row[1]).Distinct())
        {
            Assert.Equal(code != "ja", ForeignLanguageNotice.Languages.Contains(code));
        }
    }
}
