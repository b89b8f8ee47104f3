using IntakeBot.Knowledge;

namespace IntakeBot.Bot.Knowledge;

/// <summary>The full text of the knowledge articles that chat answers link to.</summary>
public static class KnowledgeEndpoints
{
    public static IEndpointRouteBuilder MapKnowledgeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/articles/{id}", (string id, KnowledgeBase knowledge) =>
            knowledge.GetArticle(id) is { } article
                ? Results.Content(ArticlePage.Render(article), "text/html; charset=utf-8")
                : Results.Content(ArticlePage.NotFound(), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound));
        return app;
    }
}
