namespace IntakeBot.Knowledge.Loading;

/// <summary>The YAML front matter of an article file, as written.</summary>
internal sealed class FrontMatter
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public List<string>? Audience { get; set; }

    public List<string>? Keywords { get; set; }

    public List<string>? Source { get; set; }
}
