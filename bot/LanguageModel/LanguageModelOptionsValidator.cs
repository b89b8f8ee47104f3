using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.LanguageModel;

/// <summary>
/// Refuses, at start, settings that would send the transcript in clear text or hang a chat turn:
/// an endpoint that is not https (http only on loopback, for a model on this machine), no model
/// name, timeouts out of range.
/// </summary>
internal sealed class LanguageModelOptionsValidator : IValidateOptions<LanguageModelOptions>
{
    public ValidateOptionsResult Validate(string? name, LanguageModelOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        const string section = LanguageModelOptions.Section;
        var failures = new List<string>();
        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint)
            || !(endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback)))
        {
            failures.Add($"{section}:Endpoint must be an https address (http only on loopback), e.g. https://api.openai.com/v1.");
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add($"{section}:Model must name the model (Azure OpenAI: the deployment).");
        }

        if (options.TimeoutSeconds is < 1 or > 30)
        {
            failures.Add($"{section}:TimeoutSeconds must be between 1 and 30 (a person waits for it).");
        }

        if (options.SummaryTimeoutSeconds is < 1 or > 600)
        {
            failures.Add($"{section}:SummaryTimeoutSeconds must be between 1 and 600.");
        }

        if (options.MinStoryLength < 15)
        {
            failures.Add($"{section}:MinStoryLength must be at least 15.");
        }

        if (options.SummaryPollSeconds < 1 || options.SummaryMaxAttempts is < 1 or > 20 || options.SummaryMaxAgeHours < 1)
        {
            failures.Add($"{section}:SummaryPollSeconds, SummaryMaxAttempts (1–20) and SummaryMaxAgeHours must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
