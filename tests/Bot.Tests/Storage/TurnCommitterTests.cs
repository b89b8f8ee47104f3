using IntakeBot.Bot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Tests.Storage;

/// <summary>SQLite's group commit answers every turn it took, even when the whole batch fails.</summary>
[Trait("Category", Support.TestDatabase.ChoosesOwnStore)]
public sealed class TurnCommitterTests
{
    [Fact]
    public async Task When_the_database_cannot_be_opened_a_queued_turn_fails_instead_of_waiting_for_ever()
    {
        // A data folder that is gone (an unmounted volume): the writer cannot open the database.
        var options = Options.Create(new StorageOptions { DataFolder = Path.Combine(Path.GetTempPath(), "intakebot-gone-" + Guid.NewGuid().ToString("N"), "data") });
        var environment = new HostingEnvironment { ContentRootPath = Path.GetTempPath() };
        await using var committer = new TurnCommitter(options, environment, NullLogger<TurnCommitter>.Instance);
        var write = new TurnWrite(
            new ConversationRecord { Id = "c1", ExternalId = "c1", ChannelId = "test", UserId = "u1", SealedState = [], CreatedAt = DateTimeOffset.UnixEpoch },
            isNew: true, expectedVersion: 0);

        var saving = committer.SaveAsync(new Lazy<IntakeDbContext>(() => throw new InvalidOperationException("the group commit writes these rows itself")), write, CancellationToken.None);

        // The runner retries a DbUpdateException; a turn that never completes would hold its request open.
        await Assert.ThrowsAsync<DbUpdateException>(() => saving.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
