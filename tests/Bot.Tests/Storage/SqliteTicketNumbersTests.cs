using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Tests.Support;
using IntakeBot.Bot.Tickets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Tests.Storage;

/// <summary>The group commit counts ticket numbers in memory; the database stays the authority.</summary>
[Trait("Category", TestDatabase.SqliteOnly)]
public sealed class SqliteTicketNumbersTests
{
    [Fact]
    public async Task Numbers_continue_from_the_highest_stored_one_and_start_at_one_in_a_new_year()
    {
        await using var host = await BotHost.StartAsync();
        await StoreTicketAsync(host, year: 2026, sequence: 7);
        await using var connection = await OpenAsync(host);
        using var numbers = new SqliteTicketNumbers(connection);

        Assert.Equal(8, await numbers.NextAsync(2026, CancellationToken.None));
        Assert.Equal(9, await numbers.NextAsync(2026, CancellationToken.None));
        Assert.Equal(1, await numbers.NextAsync(2027, CancellationToken.None));
    }

    [Fact]
    public async Task Numbers_taken_by_a_rolled_back_write_are_handed_out_again_once_forgotten()
    {
        await using var host = await BotHost.StartAsync();
        await StoreTicketAsync(host, year: 2026, sequence: 3);
        await using var connection = await OpenAsync(host);
        using var numbers = new SqliteTicketNumbers(connection);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        numbers.Transaction = transaction;

        Assert.Equal(4, await numbers.NextAsync(2026, CancellationToken.None));
        Assert.Equal(5, await numbers.NextAsync(2026, CancellationToken.None));
        numbers.Forget();

        Assert.Equal(4, await numbers.NextAsync(2026, CancellationToken.None));
    }

    [Fact]
    public async Task A_ticket_another_process_stored_meanwhile_is_seen_after_forgetting()
    {
        await using var host = await BotHost.StartAsync();
        await using var connection = await OpenAsync(host);
        using var numbers = new SqliteTicketNumbers(connection);
        Assert.Equal(1, await numbers.NextAsync(2026, CancellationToken.None));

        await StoreTicketAsync(host, year: 2026, sequence: 1);
        numbers.Forget();

        Assert.Equal(2, await numbers.NextAsync(2026, CancellationToken.None));
    }

    [Fact]
    public async Task Nothing_is_guessed_before_the_year_was_counted()
    {
        await using var host = await BotHost.StartAsync();
        await using var connection = await OpenAsync(host);
        using var numbers = new SqliteTicketNumbers(connection);

        Assert.Null(numbers.Guess(2026, 1));
        await numbers.NextAsync(2026, CancellationToken.None);
        Assert.Null(numbers.Guess(2027, 1));
    }

    [Fact]
    public async Task Guesses_still_out_count_as_taken_and_are_right_when_their_turns_commit_in_order()
    {
        await using var host = await BotHost.StartAsync();
        await StoreTicketAsync(host, year: 2026, sequence: 4);
        await using var connection = await OpenAsync(host);
        using var numbers = new SqliteTicketNumbers(connection);
        Assert.Equal(5, await numbers.NextAsync(2026, CancellationToken.None));

        using var first = numbers.Guess(2026, 1)!;
        using var second = numbers.Guess(2026, 2)!;
        Assert.Equal(6, first.First);
        Assert.Equal(7, second.First);

        Assert.True(first.Matches([await numbers.NextAsync(2026, CancellationToken.None)]));
        Assert.True(second.Matches([await numbers.NextAsync(2026, CancellationToken.None), await numbers.NextAsync(2026, CancellationToken.None)]));
        Assert.Equal(9, numbers.Guess(2026, 1)!.First);
    }

    [Fact]
    public async Task Guesses_of_turns_that_commit_out_of_order_are_wrong_and_a_given_up_guess_is_not_counted()
    {
        await using var host = await BotHost.StartAsync();
        await using var connection = await OpenAsync(host);
        using var numbers = new SqliteTicketNumbers(connection);
        Assert.Equal(1, await numbers.NextAsync(2026, CancellationToken.None));

        using var early = numbers.Guess(2026, 1)!;
        using var late = numbers.Guess(2026, 1)!;
        Assert.False(late.Matches([await numbers.NextAsync(2026, CancellationToken.None)]));
        Assert.False(early.Matches([await numbers.NextAsync(2026, CancellationToken.None)]));

        numbers.Guess(2026, 1)!.Dispose();
        Assert.Equal(4, numbers.Guess(2026, 1)!.First);
    }

    private static async Task<SqliteConnection> OpenAsync(BotHost host)
    {
        var connection = new SqliteConnection($"Data Source={host.DatabasePath}");
        await connection.OpenAsync();
        return connection;
    }

    private static Task StoreTicketAsync(BotHost host, int year, int sequence) => host.DbAsync(async db =>
    {
        db.Tickets.Add(new TicketRecord
        {
            ReferenceNumber = $"KN-{year}-{sequence:D6}",
            Year = year,
            YearSequence = sequence,
            ConversationId = Guid.NewGuid().ToString("N"),
            Kind = "Intake",
            IntakeNumber = 1,
            Priority = "Normal",
            RecordJson = "r",
            TriageJson = "t",
            TranscriptJson = "x",
            CreatedAt = DateTimeOffset.UtcNow,
        });
        return await db.SaveChangesAsync();
    });
}
