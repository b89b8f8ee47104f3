namespace IntakeBot.Knowledge.Loading;

/// <summary>One entry of <c>_faq.yml</c>.</summary>
internal sealed class FaqFileEntry
{
    public string? Question { get; set; }

    public string? Article { get; set; }
}
