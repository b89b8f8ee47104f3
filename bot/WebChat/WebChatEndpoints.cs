using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Channels.DirectLine;
using IntakeBot.Bot.Hosting;

namespace IntakeBot.Bot.WebChat;

/// <summary>
/// The page's own token endpoint: it hands the browser a Direct Line token for one new
/// conversation (the secret never leaves the server), or, given the resume key the page kept,
/// a fresh token for the conversation it had, so a reload or a return tomorrow continues it.
/// </summary>
public static class WebChatEndpoints
{
    public static IEndpointRouteBuilder MapWebChatEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/webchat/token", IssueAsync).RequireRateLimiting(RateLimitPolicies.TokenIssue);
        return app;
    }

    private static async Task<IResult> IssueAsync(HttpContext context, DirectLineTokens tokens, ActivityFeed feed)
    {
        var (body, error) = await JsonBody.ReadAsync<WebChatTokenRequest>(context.Request, ActivityJson.Options, emptyAllowed: true);
        if (error is not null)
        {
            return error;
        }

        string conversationId;
        string userId;
        var resumed = false;
        if (!string.IsNullOrEmpty(body?.Resume))
        {
            var (resume, resumeError) = DirectLineAuthorization.Authorize(tokens, body.Resume, null, DirectLineTokenKind.Resume);
            if (resumeError is not null)
            {
                return resumeError;
            }

            if (!await feed.ExistsAsync(resume!.ConversationId, context.RequestAborted))
            {
                return ApiError.Result(StatusCodes.Status404NotFound, "ConversationNotFound", "The conversation does not exist.");
            }

            conversationId = resume.ConversationId;
            userId = resume.UserId;
            resumed = true;
        }
        else
        {
            conversationId = ConversationIds.NewConversationId();
            userId = ConversationIds.NewUserId();
        }

        var (token, expiresIn) = tokens.Issue(DirectLineTokenKind.Conversation, conversationId, userId);
        var (resumeKey, _) = tokens.Issue(DirectLineTokenKind.Resume, conversationId, userId);
        return Results.Ok(new WebChatSession(conversationId, userId, token, expiresIn, resumeKey, resumed));
    }
}
