using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Channels.BotFramework;
using IntakeBot.Bot.Hosting;
using IntakeBot.Bot.Turns;
using IntakeBot.Dialogs.Conversation;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Channels.DirectLine;

/// <summary>
/// The Direct Line 3.0 subset that the official Web Chat and botframework-directlinejs call
/// (see shared/DIRECTLINE.md): tokens, start and resume, post, polling and the WebSocket stream.
/// </summary>
public static class DirectLineEndpoints
{
    public const string CorsPolicy = "DirectLine";
    public const string ChannelId = "directline";

    /// <summary>Dedupe key of the start turn: two concurrent starts of one conversation greet once.</summary>
    private const string StartId = "conversation-start";

    /// <summary>Prefix of a Web Chat clientActivityID used as the dedupe key (processed ids hold 256 characters).</summary>
    private const string ClientIdPrefix = "client:";

    public static IEndpointRouteBuilder MapDirectLineEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v3/directline")
            .RequireCors(CorsPolicy)
            .RequireRateLimiting(RateLimitPolicies.PerToken);
        group.MapPost("/tokens/generate", GenerateAsync).RequireRateLimiting(RateLimitPolicies.TokenIssue);
        group.MapPost("/tokens/refresh", Refresh);
        group.MapPost("/conversations", StartAsync);
        group.MapGet("/conversations/{conversationId}", ResumeAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        group.MapPost("/conversations/{conversationId}/upload", Upload);
        group.MapGet("/conversations/{conversationId}/stream", StreamAsync);
        return app;
    }

    private static async Task<IResult> GenerateAsync(HttpContext context, DirectLineTokens tokens)
    {
        if (!tokens.IsSecret(DirectLineAuthorization.Bearer(context)))
        {
            return ApiError.Result(StatusCodes.Status401Unauthorized, "SecretInvalid", "tokens/generate needs the Direct Line secret.");
        }

        var (body, error) = await JsonBody.ReadAsync<TokenRequest>(context.Request, ActivityJson.Options, emptyAllowed: true);
        if (error is not null)
        {
            return error;
        }

        if (UserIdFrom(body) is not { } userId)
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "BadArgument", "user.id may only contain letters, digits and _-.: (at most 64).");
        }

        var conversationId = ConversationIds.NewConversationId();
        var (token, expiresIn) = tokens.Issue(DirectLineTokenKind.Conversation, conversationId, userId);
        return Results.Ok(new DirectLineConversation(conversationId, token, expiresIn, null));
    }

    private static IResult Refresh(HttpContext context, DirectLineTokens tokens)
    {
        var (token, error) = DirectLineAuthorization.Authorize(tokens, DirectLineAuthorization.Bearer(context), null);
        if (error is not null)
        {
            return error;
        }

        var (fresh, expiresIn) = tokens.Issue(DirectLineTokenKind.Conversation, token!.ConversationId, token.UserId);
        return Results.Ok(new DirectLineConversation(token.ConversationId, fresh, expiresIn, null));
    }

    private static async Task<IResult> StartAsync(HttpContext context, DirectLineTokens tokens, TurnRunner turns, ActivityFeed feed, IOptions<BotFrameworkOptions> bot)
    {
        var bearer = DirectLineAuthorization.Bearer(context);
        string conversationId;
        string userId;
        if (tokens.IsSecret(bearer))
        {
            var (body, error) = await JsonBody.ReadAsync<TokenRequest>(context.Request, ActivityJson.Options, emptyAllowed: true);
            if (error is not null)
            {
                return error;
            }

            if (UserIdFrom(body) is not { } chosen)
            {
                return ApiError.Result(StatusCodes.Status400BadRequest, "BadArgument", "user.id may only contain letters, digits and _-.: (at most 64).");
            }

            conversationId = ConversationIds.NewConversationId();
            userId = chosen;
        }
        else
        {
            // With a token, the body's user (Web Chat sends a random r_… id) is ignored: the token says who.
            var (token, error) = DirectLineAuthorization.Authorize(tokens, bearer, null);
            if (error is not null)
            {
                return error;
            }

            conversationId = token!.ConversationId;
            userId = token.UserId;
        }

        var existed = await feed.ExistsAsync(conversationId, context.RequestAborted);
        if (!existed)
        {
            // Web Chat sends nothing after connecting: the server greets on its own.
            var outcome = await turns.RunAsync(
                new TurnRequest(Address(conversationId, userId, bot.Value), UserInput.Started, null, StartId,
                    AssignUserActivityId: true, CreateIfMissing: true, DeliverToServiceUrl: false),
                context.RequestAborted);
            if (outcome.Status == TurnStatus.Busy)
            {
                return ApiError.Result(StatusCodes.Status409Conflict, "ConversationBusy", "Try again.");
            }
        }

        var answer = Describe(context, tokens, conversationId, userId, watermark: string.Empty);
        return existed ? Results.Ok(answer) : Results.Json(answer, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ResumeAsync(HttpContext context, string conversationId, string? watermark, DirectLineTokens tokens, ActivityFeed feed)
    {
        var (token, error) = DirectLineAuthorization.Authorize(tokens, DirectLineAuthorization.Bearer(context), conversationId);
        if (error is not null)
        {
            return error;
        }

        if (!ActivityFeed.TryParseWatermark(watermark, out _))
        {
            return BadWatermark();
        }

        if (!await feed.ExistsAsync(conversationId, context.RequestAborted))
        {
            return UnknownConversation();
        }

        return Results.Ok(Describe(context, tokens, conversationId, token!.UserId, watermark ?? string.Empty));
    }

    private static async Task<IResult> PostActivityAsync(
        HttpContext context, string conversationId, DirectLineTokens tokens, TurnRunner turns, IOptions<BotFrameworkOptions> bot, Handoff.TypingIndicators typing)
    {
        var (token, error) = DirectLineAuthorization.Authorize(tokens, DirectLineAuthorization.Bearer(context), conversationId);
        if (error is not null)
        {
            return error;
        }

        var (activity, bodyError) = await JsonBody.ReadAsync<Activity>(context.Request, ActivityJson.Options);
        if (bodyError is not null)
        {
            return bodyError;
        }

        if (string.IsNullOrEmpty(activity!.Type))
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "BadArgument", "The activity has no type.");
        }

        if (activity.Type == ActivityTypes.Typing)
        {
            // Shown to a coordinator in the chat; never stored.
            typing.UserTyped(conversationId);
        }

        if (activity.Type != ActivityTypes.Message)
        {
            // typing, events, updates: acknowledged, not stored, no turn.
            return Results.Ok(new ResourceResponse($"{conversationId}|{activity.Type}"));
        }

        if (MessageLimits.Check(activity.Text) is { } tooLong)
        {
            return tooLong;
        }

        if (activity.Attachments is { Count: > 0 })
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "AttachmentsNotSupported", "ファイルは送れません。文字で書いてください。");
        }

        var clientId = activity.ClientActivityId;
        if (clientId?.Length > MessageLimits.MaxIdLength - ClientIdPrefix.Length || activity.Id is { Length: > MessageLimits.MaxIdLength }
            || !MessageLimits.IsWellFormedId(clientId) || !MessageLimits.IsWellFormedId(activity.Id))
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "BadArgument", "clientActivityID and id must be at most 249 and 256 characters, without control characters.");
        }

        var address = Address(conversationId, token!.UserId, bot.Value);
        var user = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = ChannelId,
            // Whatever from.id the client claims, the message is from the token's user.
            From = address.User,
            Recipient = address.Bot,
            Conversation = new ConversationAccount { Id = conversationId },
            Text = UserInput.Message(activity.Text ?? string.Empty).Text,
            TextFormat = "plain",
            Locale = activity.Locale,
            ChannelData = activity.ChannelData,
        };
        typing.Sent(conversationId, byUser: true);
        var outcome = await turns.RunAsync(
            new TurnRequest(address, UserInput.Message(user.Text), user, clientId is null ? activity.Id : ClientIdPrefix + clientId,
                AssignUserActivityId: true, CreateIfMissing: false, DeliverToServiceUrl: false),
            context.RequestAborted);
        return outcome.Status switch
        {
            TurnStatus.UnknownConversation => UnknownConversation(),
            TurnStatus.Busy => ApiError.Result(StatusCodes.Status409Conflict, "ConversationBusy", "Try again."),
            _ => Results.Ok(new ResourceResponse(outcome.UserActivity!.Id!)),
        };
    }

    private static async Task<IResult> GetActivitiesAsync(
        HttpContext context, string conversationId, string? watermark, DirectLineTokens tokens, ActivityFeed feed, ILoggerFactory loggers)
    {
        var (_, error) = DirectLineAuthorization.Authorize(tokens, DirectLineAuthorization.Bearer(context), conversationId);
        if (error is not null)
        {
            return error;
        }

        if (!ActivityFeed.TryParseWatermark(watermark, out var position))
        {
            return BadWatermark();
        }

        try
        {
            return await feed.PollAsync(conversationId, position, context.RequestAborted) is { } set ? Results.Ok(set) : UnknownConversation();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One 5xx stops Web Chat's polling for good while the page still looks online:
            // answer "nothing new" and let the next poll (a second later) try again.
            loggers.CreateLogger(typeof(DirectLineEndpoints)).LogWarning("Polling of {ConversationId} failed: {Error}", conversationId, ex.GetType().Name);
            return Results.Ok(new ActivitySet([], string.IsNullOrEmpty(watermark) ? "0" : watermark));
        }
    }

    private static IResult Upload(HttpContext context, string conversationId, DirectLineTokens tokens)
    {
        var (_, error) = DirectLineAuthorization.Authorize(tokens, DirectLineAuthorization.Bearer(context), conversationId);
        return error ?? ApiError.Result(StatusCodes.Status415UnsupportedMediaType, "UploadNotSupported", "ファイルは送れません。文字で書いてください。");
    }

    private static async Task StreamAsync(HttpContext context, string conversationId, string? t, string? watermark, DirectLineTokens tokens, ActivityFeed feed, DirectLineStream stream)
    {
        // Everything is checked before the upgrade, so a refused client never gets a socket.
        // The Origin first: a foreign page learns nothing, not even whether its token is valid.
        var error = DirectLineAuthorization.IsAllowedOrigin(context, tokens.Options)
            ? null
            : ApiError.Result(StatusCodes.Status403Forbidden, "OriginNotAllowed", "This origin may not open the stream.");
        if (error is null)
        {
            (_, error) = DirectLineAuthorization.Authorize(tokens, t, conversationId, DirectLineTokenKind.Stream);
        }

        if (error is null && !ActivityFeed.TryParseWatermark(watermark, out _))
        {
            error = BadWatermark();
        }

        if (error is null && !context.WebSockets.IsWebSocketRequest)
        {
            error = ApiError.Result(StatusCodes.Status400BadRequest, "WebSocketRequired", "streamUrl must be opened as a WebSocket.");
        }

        if (error is null && !await feed.ExistsAsync(conversationId, context.RequestAborted))
        {
            error = UnknownConversation();
        }

        using var reservation = error is null
            ? stream.TryReserve(conversationId, context.Connection.RemoteIpAddress?.ToString() ?? "unknown")
            : null;
        if (error is null && reservation is null)
        {
            error = ApiError.Result(StatusCodes.Status429TooManyRequests, "TooManyStreams", "Too many open streams for this conversation or address. Close one and try again.");
        }

        if (error is not null)
        {
            await error.ExecuteAsync(context);
            return;
        }

        ActivityFeed.TryParseWatermark(watermark, out var position);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await stream.RunAsync(socket, conversationId, position, context.RequestAborted);
    }

    private static DirectLineConversation Describe(HttpContext context, DirectLineTokens tokens, string conversationId, string userId, string watermark)
    {
        var (token, expiresIn) = tokens.Issue(DirectLineTokenKind.Conversation, conversationId, userId);
        var (streamToken, _) = tokens.Issue(DirectLineTokenKind.Stream, conversationId, userId);
        var baseUrl = tokens.Options.PublicBaseUrl.Length > 0
            ? tokens.Options.PublicBaseUrl.TrimEnd('/')
            : $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
        var socketBase = baseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "wss://" + baseUrl[8..]
            : baseUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "ws://" + baseUrl[7..]
            : baseUrl;
        var streamUrl = $"{socketBase}/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/stream"
                        + $"?t={Uri.EscapeDataString(streamToken)}&watermark={Uri.EscapeDataString(watermark)}";
        return new DirectLineConversation(conversationId, token, expiresIn, streamUrl);
    }

    private static ConversationAddress Address(string conversationId, string userId, BotFrameworkOptions bot) =>
        new(conversationId, conversationId, ChannelId,
            new ChannelAccount { Id = bot.BotId, Name = bot.BotName, Role = "bot" },
            new ChannelAccount { Id = userId, Role = "user" },
            ServiceUrl: null);

    private static string? UserIdFrom(TokenRequest? body) =>
        body?.User?.Id is { } id
            ? ConversationIds.IsAcceptableUserId(id) ? id : null
            : ConversationIds.NewUserId();

    private static IResult UnknownConversation() =>
        ApiError.Result(StatusCodes.Status404NotFound, "ConversationNotFound", "The conversation does not exist.");

    private static IResult BadWatermark() =>
        ApiError.Result(StatusCodes.Status400BadRequest, "BadArgument", "The watermark is not valid.");
}
