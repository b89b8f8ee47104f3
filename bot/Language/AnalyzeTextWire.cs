using System.Text.Encodings.Web;
using System.Text.Json;

namespace IntakeBot.Bot.Language;

/// <summary>
/// The JSON of <c>POST {endpoint}/language/:analyze-text?api-version=2023-04-01</c>, only the
/// fields this product sends or reads. Entity <c>text</c> and <c>redactedText</c> are deliberately
/// not read: offsets into the text we already hold are enough, and personal information that is
/// never deserialized cannot end up in a log or a dump.
/// </summary>
internal static class AnalyzeTextWire
{
    public const string ApiVersion = "2023-04-01";

    /// <summary>camelCase as the service spells it; Japanese kept as UTF-8, not \u escapes (a third of the size).</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public sealed record Request(string Kind, object Parameters, Input AnalysisInput);

    public sealed record Input(IReadOnlyList<Document> Documents);

    /// <summary>One input document: <c>language</c> for PII (MultiLanguageInput), <c>countryHint</c> for detection (LanguageInput).</summary>
    public sealed record Document(string Id, string Text, string? Language = null, string? CountryHint = null);

    public sealed record PiiParameters(string ModelVersion, bool LoggingOptOut, IReadOnlyList<string> PiiCategories, string StringIndexType);

    public sealed record LanguageDetectionParameters(string ModelVersion, bool LoggingOptOut);

    public sealed class Response
    {
        public string? Kind { get; set; }

        public Results? Results { get; set; }
    }

    public sealed class Results
    {
        public List<DocumentResult?>? Documents { get; set; }

        public List<DocumentError?>? Errors { get; set; }

        public string? ModelVersion { get; set; }
    }

    /// <summary>Both result shapes in one: <c>entities</c> for PII, <c>detectedLanguage</c> for detection.</summary>
    public sealed class DocumentResult
    {
        public string? Id { get; set; }

        public List<Entity?>? Entities { get; set; }

        public DetectedLanguage? DetectedLanguage { get; set; }
    }

    public sealed class Entity
    {
        public string? Category { get; set; }

        public string? Subcategory { get; set; }

        public int Offset { get; set; }

        public int Length { get; set; }

        public double ConfidenceScore { get; set; }
    }

    public sealed class DetectedLanguage
    {
        public string? Name { get; set; }

        public string? Iso6391Name { get; set; }

        public double ConfidenceScore { get; set; }
    }

    public sealed class DocumentError
    {
        public string? Id { get; set; }

        public ErrorDetail? Error { get; set; }
    }

    /// <summary>Also the body of a failed request: <c>{"error":{"code","message"}}</c>.</summary>
    public sealed class ErrorResponse
    {
        public ErrorDetail? Error { get; set; }
    }

    public sealed class ErrorDetail
    {
        public string? Code { get; set; }

        public string? Message { get; set; }
    }
}
