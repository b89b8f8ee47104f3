using System.Globalization;
using IntakeBot.Dialogs.Center;

namespace IntakeBot.Dialogs.Language;

/// <summary>
/// The short fixed reply for someone writing in another language: this chat is in Japanese,
/// please call the center, and the multilingual line if the center has one. Written by hand,
/// not machine-translated at run time, so the wording is known and reviewed. Each ends with one
/// Japanese sentence inviting the writer to go on in Japanese, which also rescues a Japanese
/// writer the detector got wrong.
/// </summary>
public static class ForeignLanguageNotice
{
    /// <summary>The sentence every notice ends with.</summary>
    public const string ContinueInJapanese = "日本語で相談できる方は、このまま日本語で書いてください。";

    private static readonly Dictionary<string, Wording> Wordings = new(StringComparer.Ordinal)
    {
        ["en"] = new(
            "Thank you for your message. This chat service is available in Japanese only.",
            "Please call the center at {0} ({1}).",
            "Please call the center at {0}.",
            "Help in other languages: {0}"),
        ["zh"] = new(
            "感谢您的留言。本聊天服务仅支持日语。",
            "请致电本中心：{0}（{1}）。",
            "请致电本中心：{0}。",
            "其他语言咨询：{0}"),
        ["ko"] = new(
            "메시지 감사합니다. 이 채팅 상담은 일본어로만 이용하실 수 있습니다.",
            "센터로 전화해 주십시오. 전화번호: {0} ({1})",
            "센터로 전화해 주십시오. 전화번호: {0}",
            "다국어 상담: {0}"),
        ["vi"] = new(
            "Cảm ơn quý vị đã liên hệ. Dịch vụ trò chuyện này chỉ hỗ trợ tiếng Nhật.",
            "Xin vui lòng gọi điện cho trung tâm theo số {0} ({1}).",
            "Xin vui lòng gọi điện cho trung tâm theo số {0}.",
            "Hỗ trợ bằng ngôn ngữ khác: {0}"),
        ["pt"] = new(
            "Obrigado pela sua mensagem. Este serviço de chat funciona somente em japonês.",
            "Por favor, ligue para o centro: {0} ({1}).",
            "Por favor, ligue para o centro: {0}.",
            "Atendimento em outros idiomas: {0}"),
        ["es"] = new(
            "Gracias por su mensaje. Este servicio de chat solo está disponible en japonés.",
            "Por favor, llame al centro al {0} ({1}).",
            "Por favor, llame al centro al {0}.",
            "Atención en otros idiomas: {0}"),
        ["tl"] = new(
            "Salamat po sa inyong mensahe. Ang chat service na ito ay sa wikang Hapon lamang.",
            "Pakitawagan po ang center sa {0} ({1}).",
            "Pakitawagan po ang center sa {0}.",
            "Tulong sa ibang wika: {0}"),
    };

    /// <summary>The languages with their own wording (ISO 639-1). Any other non-Japanese language gets the English one.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "zh", "ko", "vi", "pt", "es", "tl"];

    /// <summary>
    /// The notice for a language, with the center's phone, its hours (shown as configured, in
    /// parentheses; left out when blank) and an optional multilingual line. Null for Japanese,
    /// and for no language at all, because then the ordinary conversation applies. The call
    /// sentence is left out when <paramref name="phone"/> is blank, so a center without a
    /// configured phone never shows an empty number.
    /// </summary>
    /// <param name="languageCode">ISO 639-1, or a tag starting with it (pt-BR, zh_chs).</param>
    /// <param name="phone">The center's phone number as it should be dialled.</param>
    /// <param name="hours">When the phone is answered, e.g. 「平日 9時〜17時」.</param>
    /// <param name="multilingualLine">A line or service that answers in other languages, shown as given.</param>
    public static string? For(string? languageCode, string? phone, string? hours = null, string? multilingualLine = null)
    {
        var language = languageCode?.Trim().Split('-', '_')[0].ToLowerInvariant();
        if (string.IsNullOrEmpty(language) || language == "ja")
        {
            return null;
        }

        var wording = Wordings.GetValueOrDefault(language) ?? Wordings["en"];
        var lines = new List<string> { wording.Intro };
        if (!string.IsNullOrWhiteSpace(phone))
        {
            lines.Add(string.IsNullOrWhiteSpace(hours)
                ? string.Format(CultureInfo.InvariantCulture, wording.Call, phone.Trim())
                : string.Format(CultureInfo.InvariantCulture, wording.CallWithHours, phone.Trim(), hours.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(multilingualLine))
        {
            lines.Add(string.Format(CultureInfo.InvariantCulture, wording.Multilingual, multilingualLine.Trim()));
        }

        lines.Add(ContinueInJapanese);
        return string.Join('\n', lines);
    }

    /// <summary>The notice with the phone and hours of <paramref name="center"/>.</summary>
    public static string? For(string? languageCode, CenterProfile center, string? multilingualLine = null)
    {
        ArgumentNullException.ThrowIfNull(center);
        return For(languageCode, center.Phone, center.PhoneHours, multilingualLine);
    }

    /// <summary>The notice for a detected language; null when it is Japanese.</summary>
    public static string? For(DetectedLanguage language, CenterProfile center, string? multilingualLine = null)
    {
        ArgumentNullException.ThrowIfNull(language);
        return language.IsJapanese ? null : For(language.Code, center, multilingualLine);
    }

    private sealed record Wording(string Intro, string CallWithHours, string Call, string Multilingual);
}
