using System.Text.Json;

namespace IntakeBot.Bot.Tests.Language;

/// <summary>One request the fake Azure AI Language received, as it came over the wire.</summary>
public sealed record AnalyzeCall(int Number, string Path, string? ApiVersion, string? Key, string? ContentType, JsonElement Body)
{
    public string? Kind => Body.GetProperty("kind").GetString();

    public JsonElement Parameters => Body.GetProperty("parameters");

    public IReadOnlyList<JsonElement> Documents => [.. Body.GetProperty("analysisInput").GetProperty("documents").EnumerateArray()];

    public IReadOnlyList<string> Texts => [.. Documents.Select(d => d.GetProperty("text").GetString()!)];
}
