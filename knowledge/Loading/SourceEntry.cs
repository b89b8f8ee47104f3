namespace IntakeBot.Knowledge.Loading;

/// <summary>One entry of <c>_sources.yml</c>.</summary>
internal sealed class SourceEntry
{
    public string? Id { get; set; }

    public string? Title { get; set; }
}
