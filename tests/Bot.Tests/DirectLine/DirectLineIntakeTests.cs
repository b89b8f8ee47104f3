using IntakeBot.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using IntakeBot.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Tests.DirectLine;

/// <summary>A full intake per role over Direct Line, polling and on the WebSocket, as Web Chat runs it.</summary>
public sealed class DirectLineIntakeTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(IntakeScripts.Roles), MemberType = typeof(IntakeScripts))]
    public async Task A_full_intake_over_direct_line_polling_ends_with_a_reference_number_and_one_ticket(string role)
    {
        await using var chat = new DirectLinePollingChat(_host.Client);
        await chat.StartAsync();

        await AssertIntakeAsync(chat, chat.Line.ConversationId, role);
    }

    [Theory]
    [MemberData(nameof(IntakeScripts.Roles), MemberType = typeof(IntakeScripts))]
    public async Task A_full_intake_over_the_direct_line_web_socket_ends_with_a_reference_number_and_one_ticket(string role)
    {
        await using var chat = new DirectLineSocketChat(_host.Client);
        await chat.StartAsync();

        await AssertIntakeAsync(chat, chat.Line.ConversationId, role);
    }

    private async Task AssertIntakeAsync(IChat chat, string conversationId, string role)
    {
        var texts = await IntakeScripts.RunAsync(chat, IntakeScripts.For(role));

        var ticket = Assert.Single(await _host.DbAsync(db => db.Tickets.Where(t => t.ConversationId == conversationId).ToListAsync()));
        Assert.Contains(texts, t => t.Contains(IntakeScripts.ReferencePrefix + ticket.ReferenceNumber[3..], StringComparison.Ordinal));
        var protector = _host.Services.GetRequiredService<ConversationProtector>();
        var review = (await _host.DbAsync(db => db.Activities
                .Where(a => a.ConversationId == conversationId).OrderBy(a => a.Sequence)
                .Select(a => a.Json).ToListAsync()))
            .Select(protector.Unprotect)
            .Where(json => json.Contains("application/vnd.microsoft.card.adaptive", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(review);
        Assert.Contains("FactSet", review[^1], StringComparison.Ordinal);
        Assert.Contains("\"version\":\"1.3\"", review[^1], StringComparison.Ordinal);
    }
}
