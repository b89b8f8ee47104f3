using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Channels.Line;

/// <summary>Refuses to start with a LINE channel that could take messages but never answer them.</summary>
public sealed class LineOptionsValidator : IValidateOptions<LineOptions>
{
    public ValidateOptionsResult Validate(string? name, LineOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ChannelAccessToken))
        {
            failures.Add("Line:ChannelSecret is set but Line:ChannelAccessToken is empty: the bot could read LINE messages but never answer. Set the channel access token (LINE Developers console, Messaging API tab) or clear Line:ChannelSecret.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("https" or "http"))
        {
            failures.Add("Line:ApiBaseUrl must be an absolute http(s) URL (default https://api.line.me).");
        }
        else if (api.Scheme == "http" && !api.IsLoopback)
        {
            // The access token travels in every request's header.
            failures.Add("Line:ApiBaseUrl may use plain http only on loopback.");
        }

        if (options.MaxBodyBytes is < 1024 or > 16 * 1024 * 1024)
        {
            failures.Add("Line:MaxBodyBytes must be between 1024 and 16777216.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
