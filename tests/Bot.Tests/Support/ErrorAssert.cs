using System.Net;
using System.Text.Json.Nodes;

namespace IntakeBot.Bot.Tests.Support;

/// <summary>Every rejection is a 4xx with <c>{"error":{"code","message"}}</c>.</summary>
public static class ErrorAssert
{
    public static async Task IsAsync(HttpResponseMessage response, HttpStatusCode status, string? code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var error = body["error"]!;
        Assert.False(string.IsNullOrEmpty((string?)error["message"]));
        if (code is not null)
        {
            Assert.Equal(code, (string?)error["code"]);
        }
    }
}
