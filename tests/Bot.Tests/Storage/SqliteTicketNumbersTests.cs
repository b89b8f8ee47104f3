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
