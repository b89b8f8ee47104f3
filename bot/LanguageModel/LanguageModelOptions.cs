namespace IntakeBot.Bot.LanguageModel;

/// <summary>
/// The optional language model (configuration section <c>LanguageModel</c>, or environment variables
/// <c>LanguageModel__Enabled</c>, <c>LanguageModel__Endpoint</c>, <c>LanguageModel__ApiKey</c>,
/// <c>LanguageModel__Model</c>…): any server speaking OpenAI's chat completions API (OpenAI, Azure
/// OpenAI's <c>/openai/v1</c> endpoint, llama.cpp, vLLM, Ollama). Off by default: then nothing is
/// sent anywhere and the bot behaves exactly as without it. When on, redacted text is sent (see the
/// docs/language-services.md) and every use falls back to the rules when the model is off, slow or wrong.
/// </summary>
public sealed class LanguageModelOptions
{
    public const string Section = "LanguageModel";

    public bool Enabled { get; set; }

    /// <summary>The API base including its version path, e.g. <c>https://api.openai.com/v1</c>; <c>chat/completions</c> is appended.</summary>
    public string Endpoint { get; set; } = string.Empty;

    /// <summary>Sent as <c>Authorization: Bearer</c>. Keep it out of appsettings.json. Local servers may not need one.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>The model name (Azure OpenAI: the deployment name).</summary>
    public string Model { get; set; } = string.Empty;

    /// <summary>Longest wait for the model during a chat turn (story reading, answer wording); the person is waiting.</summary>
    public int TimeoutSeconds { get; set; } = 8;

    /// <summary>Longest wait for one summary, in the background.</summary>
    public int SummaryTimeoutSeconds { get; set; } = 60;

    /// <summary>A first message at least this long, in which the rules found fewer than two facts, is also read by the model.</summary>
    public int MinStoryLength { get; set; } = 40;

    /// <summary>Each use can be turned off on its own.</summary>
    public bool StoryExtraction { get; set; } = true;

    public bool Summaries { get; set; } = true;

    public bool KnowledgeAnswers { get; set; } = true;

    /// <summary>How often the summary worker looks for new tickets.</summary>
    public int SummaryPollSeconds { get; set; } = 15;

    /// <summary>Tries per ticket before the summary is given up (the ticket is complete without it).</summary>
    public int SummaryMaxAttempts { get; set; } = 5;

    /// <summary>Only tickets at most this old are summarised: turning the model on does not send old transcripts.</summary>
    public int SummaryMaxAgeHours { get; set; } = 72;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public TimeSpan SummaryTimeout => TimeSpan.FromSeconds(SummaryTimeoutSeconds);
}
