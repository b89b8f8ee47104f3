using IntakeBot.Bot.Center;

namespace IntakeBot.Bot.LanguageModel;

/// <summary>
/// At start, with the model on: a warning when the consent notice says nothing about it
/// (<c>Center:ConsentNotice</c> empty), because the default wording promises that only the center's
/// staff use what people write.
/// </summary>
internal sealed partial class ConsentNoticeCheck(IConfiguration configuration, ILogger<ConsentNoticeCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(CenterOptions.Read(configuration).ConsentNotice))
        {
            LogNoNotice(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The language model is on but Center:ConsentNotice is empty: the consent text people agree to does not mention it. Set Center:ConsentNotice before using a model outside this machine.")]
    private static partial void LogNoNotice(ILogger logger);
}
