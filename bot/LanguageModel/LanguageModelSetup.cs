using IntakeBot.Bot.Turns;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace IntakeBot.Bot.LanguageModel;

/// <summary>Registers the optional language model (section <c>LanguageModel</c>) and the turn preparer.</summary>
public static class LanguageModelSetup
{
    public const string HttpClientName = "language-model";

    /// <summary>
    /// Off (the default): <see cref="NoTurnPreparer"/>, no HTTP client, no worker, nothing sent.
    /// On: Semantic Kernel's OpenAI chat completion against <c>LanguageModel:Endpoint</c> with an
    /// HTTP client bounded by the longest timeout, the gateway, the three uses and the summary worker.
    /// </summary>
    public static IServiceCollection AddLanguageModel(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(LanguageModelOptions.Section);
        services.AddOptions<LanguageModelOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LanguageModelOptions>, LanguageModelOptionsValidator>();

        var settings = section.Get<LanguageModelOptions>() ?? new LanguageModelOptions();
        if (!settings.Enabled)
        {
            services.AddSingleton<ITurnPreparer, NoTurnPreparer>();
            return services;
        }

        services.AddHttpClient(HttpClientName, client =>
            {
                // Each request has its own, shorter timeout; this is the backstop.
                client.Timeout = TimeSpan.FromSeconds(Math.Max(settings.TimeoutSeconds, settings.SummaryTimeoutSeconds) + 5);
                client.MaxResponseContentBufferSize = 4 * 1024 * 1024;
            })
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(2))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        services.AddSingleton<IChatCompletionService>(sp =>
        {
            var current = sp.GetRequiredService<IOptions<LanguageModelOptions>>().Value;
            // A custom HttpClient also turns off the OpenAI client's own retries: a chat turn
            // falls back to the rules at once, the summary worker retries later. No logger
            // factory: nothing of the request or answer can reach the logs from the connector.
            // SKEXP0010: the custom-endpoint constructor is marked experimental, but it is the way
            // SK documents for OpenAI-compatible servers (Azure's /openai/v1, llama.cpp, vLLM, Ollama).
#pragma warning disable SKEXP0010
            return new OpenAIChatCompletionService(
                current.Model,
                new Uri(current.Endpoint),
                // Local servers often need no key.
                string.IsNullOrWhiteSpace(current.ApiKey) ? null : current.ApiKey,
                organization: null,
                httpClient: sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
                loggerFactory: NullLoggerFactory.Instance);
#pragma warning restore SKEXP0010
        });
        services.AddSingleton<LanguageModelGateway>();
        services.AddSingleton<StoryExtraction>();
        services.AddSingleton<KnowledgePhrasing>();
        services.AddSingleton<ITurnPreparer, LanguageModelTurnPreparer>();
        services.AddSingleton<TicketSummaries>();
        services.AddHostedService<ConsentNoticeCheck>();
        if (settings.Summaries)
        {
            services.AddHostedService<TicketSummaryWorker>();
        }

        return services;
    }
}
