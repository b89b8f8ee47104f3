using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Hosting;
using IntakeBot.Bot.Turns;
using IntakeBot.Dialogs.Conversation;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Channels.BotFramework;

/// <summary>
/// <c>POST /api/messages</c>, the Bot Framework Activity endpoint: an activity in, the turn's
/// replies either in the response (<c>deliveryMode: expectReplies</c>) or posted to the
/// activity's serviceUrl after the turn committed.
/// </summary>
public static partial class BotFrameworkEndpoints
{
    public static IEndpointRouteBuilder MapBotFrameworkEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", HandleAsync);
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        BotConnectorAuthenticator authenticator,
        TurnRunner turns,
        ServiceUrlPolicy serviceUrls,
        ILogger<ServiceUrlPolicy> logger,
        IOptions<BotFrameworkOptions> options)
    {
        // Authenticate before reading the body: an anonymous caller learns nothing about parsing.
        var auth = await authenticator.AuthenticateAsync(context);
        if (!auth.Allowed)
        {
            return ApiError.Result(auth.StatusCode, auth.Code, "The request is not authorised.");
        }

        if (CrossSiteCheck.Refusal(context.Request, loopbackOnly: !authenticator.IsConfigured) is { } crossSite)
        {
            return crossSite;
        }

        var (activity, error) = await JsonBody.ReadAsync<Activity>(context.Request, ActivityJson.Options);
        if (error is not null)
        {
            return error;
        }

        if (Validate(activity!) is { } invalid)
        {
            return invalid;
        }

        if (!auth.Permits(activity!.ServiceUrl))
        {
            return ApiError.Result(StatusCodes.Status403Forbidden, "ServiceUrlMismatch", "The activity's serviceUrl is not the token's.");
        }

        var expectReplies = string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);
        if (!expectReplies && !IsHttpUrl(activity.ServiceUrl))
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "BadArgument", "serviceUrl is required unless deliveryMode is expectReplies.");
        }

        if (!expectReplies && !serviceUrls.MayQueue(activity.ServiceUrl, auth.ServiceUrl))
        {
            // Refused before the turn: replies that could go nowhere would only be lost.
            LogServiceUrlRefused(logger, ServiceUrlPolicy.Describe(activity.ServiceUrl));
            return ApiError.Result(StatusCodes.Status403Forbidden, "ServiceUrlNotAllowed",
                "Replies are posted only to a serviceUrl a Bot Connector token vouches for or Bot:AllowedServiceUrls lists; use deliveryMode expectReplies otherwise.");
        }

        var request = ToTurn(activity, options.Value, expectReplies);
        if (request is null)
        {
            // typing, events, other updates: nothing to answer.
            return expectReplies ? Results.Ok(new ExpectedReplies([])) : Results.Accepted();
        }

        var outcome = await turns.RunAsync(request, context.RequestAborted);
        if (outcome.Status == TurnStatus.Busy)
        {
            return ApiError.Result(StatusCodes.Status409Conflict, "ConversationBusy", "The conversation is busy; send the activity again.");
        }

        return expectReplies ? Results.Ok(new ExpectedReplies(outcome.Replies)) : Results.Accepted();
    }

    private static IResult? Validate(Activity activity)
    {
        if (string.IsNullOrEmpty(activity.Type))
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "BadArgument", "The activity has no type.");
        }

        if (activity.Conversation?.Id is not { Length: > 0 and <= MessageLimits.MaxIdLength }
            || activity.From?.Id is not { Length: > 0 and <= MessageLimits.MaxIdLength }
            || activity.ChannelId is { Length: > 64 }
            || activity.Id is { Length: > MessageLimits.MaxIdLength })
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "BadArgument", "The activity needs conversation.id and from.id (at most 256 characters).");
        }

        if (!MessageLimits.IsWellFormedId(activity.Conversation.Id) || !MessageLimits.IsWellFormedId(activity.From.Id)
            || !MessageLimits.IsWellFormedId(activity.ChannelId) || !MessageLimits.IsWellFormedId(activity.Id)
            || !MessageLimits.IsWellFormedId(activity.ClientActivityId) || activity.ClientActivityId is { Length: > MessageLimits.MaxIdLength }
            || ConversationKey(activity).Length > MessageLimits.MaxKeyLength)
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "BadArgument", "Ids may not contain control characters or broken UTF-16, and channelId with conversation.id must fit in 300 characters.");
        }

        return activity.Type == ActivityTypes.Message ? MessageLimits.Check(activity.Text) : null;
    }

    private static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private static string ChannelOf(Activity activity) => string.IsNullOrEmpty(activity.ChannelId) ? "unknown" : activity.ChannelId;

    private static string ConversationKey(Activity activity) => $"bf:{ChannelOf(activity)}:{activity.Conversation!.Id}";

    private static TurnRequest? ToTurn(Activity activity, BotFrameworkOptions options, bool expectReplies)
    {
        var channelId = ChannelOf(activity);
        var bot = new ChannelAccount
        {
            Id = activity.Recipient?.Id ?? options.BotId,
            Name = activity.Recipient?.Name ?? options.BotName,
            Role = "bot",
        };
        var user = new ChannelAccount { Id = activity.From!.Id, Name = activity.From.Name, Role = "user" };
        var address = new ConversationAddress(
            ConversationKey(activity), activity.Conversation!.Id!, channelId, bot, user, activity.ServiceUrl);

        switch (activity.Type)
        {
            case ActivityTypes.Message:
                activity.From = user;
                // Stored and run as the same text: lone surrogates become U+FFFD (see UserInput.Message).
                activity.Text = UserInput.Message(activity.Text ?? string.Empty).Text;
                return new TurnRequest(address, UserInput.Message(activity.Text), activity, activity.Id,
                    AssignUserActivityId: false, CreateIfMissing: true, DeliverToServiceUrl: !expectReplies);
            case ActivityTypes.ConversationUpdate when activity.MembersAdded?.Any(m => m.Id != bot.Id) == true:
                // The user joined: the bot greets first. The id makes a resent update harmless.
                return new TurnRequest(address, UserInput.Started, null, activity.Id ?? "conversation-start",
                    AssignUserActivityId: false, CreateIfMissing: true, DeliverToServiceUrl: !expectReplies);
            default:
                return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity refused: its serviceUrl ({ServiceUrl}) is neither vouched for by a token nor in Bot:AllowedServiceUrls")]
    private static partial void LogServiceUrlRefused(ILogger logger, string serviceUrl);
}
