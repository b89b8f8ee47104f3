using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Center;
using IntakeBot.Bot.Channels.DirectLine;
using IntakeBot.Bot.Hosting;
using IntakeBot.Bot.Storage;
using IntakeBot.Dialogs.Center;
using IntakeBot.Dialogs.Conversation;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.WebChat;

/// <summary>
/// The page's own token endpoint: it hands the browser a Direct Line token for one new
/// conversation (the secret never leaves the server), or, given the resume key the page kept,
/// a fresh token for the unfinished conversation it had, so a reload continues it. A resume key
/// lives hours (<c>DirectLine:ResumeLifetime</c>), and once the conversation filed its intake
/// it opens nothing: the page gets a new conversation, so the next person on a shared computer,
/// or whoever copied the key, never sees the filed story.
/// </summary>
public static class WebChatEndpoints
{
    public static IEndpointRouteBuilder MapWebChatEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/webchat/token", IssueAsync).RequireRateLimiting(RateLimitPolicies.TokenIssue);
        return app;
    }

    private static readonly string IntakeKind = TicketKind.Intake.ToString();

    private static async Task<IResult> IssueAsync(HttpContext context, DirectLineTokens tokens, ActivityFeed feed, IntakeDbContext db, CenterProfile center)
    {
        var (body, error) = await JsonBody.ReadAsync<WebChatTokenRequest>(context.Request, ActivityJson.Options, emptyAllowed: true);
        if (error is not null)
        {
            return error;
        }

        DirectLineToken? resumable = null;
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

            // A filed intake is over: a new conversation, never its transcript.
            var filed = await db.Tickets.AnyAsync(t => t.ConversationId == resume.ConversationId && t.Kind == IntakeKind, context.RequestAborted);
            resumable = filed ? null : resume;
        }

        var conversationId = resumable?.ConversationId ?? ConversationIds.NewConversationId();
        var userId = resumable?.UserId ?? ConversationIds.NewUserId();
        var (token, expiresIn) = tokens.Issue(DirectLineTokenKind.Conversation, conversationId, userId);
        var (resumeKey, _) = tokens.Issue(DirectLineTokenKind.Resume, conversationId, userId);
        var sample = SampleSettings.Placeholders(center).Count > 0;
        return Results.Ok(new WebChatSession(conversationId, userId, token, expiresIn, resumeKey, Resumed: resumable is not null, Sample: sample));
    }
}
