using System.Diagnostics.Metrics;
using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Tests.Staff;
using IntakeBot.Bot.Tests.Support;
using IntakeBot.Bot.Tickets;
using IntakeBot.Dialogs.Conversation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntakeBot.Bot.Tests.Tickets;

/// <summary>
/// On SQLite a ticket turn renders what names its number before it queues, with the number it
/// expects; the commit hands out the real one, and a wrong guess must not leave the old number
/// anywhere.
/// </summary>
[Trait("Category", TestDatabase.SqliteOnly)]
public sealed class TicketNumberGuessTests
{
    [Fact]
    public async Task A_ticket_whose_expected_number_went_to_another_names_the_number_it_got_everywhere()
    {
        await using var host = await BotHost.StartAsync();
        var (first, _) = await DeskFixtures.IntakeAsync(host);
        Assert.EndsWith("-000001", first, StringComparison.Ordinal);

        // A guess held by a turn that has not committed yet: the next turn expects number 3.
        var committer = host.Services.GetRequiredService<TurnCommitter>();
        var year = IntakeConversation.CenterDate(DateTimeOffset.UtcNow).Year;
        using var held = committer.GuessTicketNumbers(year, 1);
        Assert.Equal(2, held?.First);

        var (second, key) = await DeskFixtures.IntakeAsync(host);

        Assert.EndsWith("-000002", second, StringComparison.Ordinal);
        var ticket = await host.DbAsync(db => db.Tickets.SingleAsync(t => t.ConversationId == key));
        Assert.Equal(2, ticket.YearSequence);
        Assert.Equal(second, ticket.ReferenceNumber);
        var transcript = host.Services.GetRequiredService<TicketProtector>().Unprotect(ticket.TranscriptJson);
        Assert.Contains(second, transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("-000003", transcript, StringComparison.Ordinal);

        var sealedState = await host.DbAsync(db => db.Conversations.Where(c => c.Id == key).Select(c => c.SealedState).SingleAsync());
        var state = host.Services.GetRequiredService<ConversationProtector>().OpenState(sealedState);
        Assert.Contains(state.Transcript, t => t.Text.Contains(second, StringComparison.Ordinal));
        Assert.DoesNotContain(state.Transcript, t => t.Text.Contains("-000003", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tickets_filed_one_after_another_were_rendered_with_the_numbers_they_got()
    {
        await using var host = await BotHost.StartAsync();
        await DeskFixtures.IntakeAsync(host);
        var committer = host.Services.GetRequiredService<TurnCommitter>();
        var year = IntakeConversation.CenterDate(DateTimeOffset.UtcNow).Year;
        var right = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "intakebot.storage.ticket_number_guesses")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "outcome", Value: "right" })
                {
                    Interlocked.Add(ref right, (int)value);
                }
            }
        });
        listener.Start();

        foreach (var expected in new[] { 2, 3 })
        {
            using (var peek = committer.GuessTicketNumbers(year, 1))
            {
                Assert.Equal(expected, peek?.First);
            }

            var (reference, _) = await DeskFixtures.IntakeAsync(host);
            Assert.EndsWith($"-{expected:D6}", reference, StringComparison.Ordinal);
        }

        // Other tests may guess at the same time, so at least these two.
        Assert.True(Volatile.Read(ref right) >= 2, $"{right} right guesses");
    }
}
