using IntakeBot.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Tests.LanguageModel;

/// <summary>The real host with the language model on and pointed at a <see cref="FakeOpenAi"/> (2 s timeouts).</summary>
public sealed class ModelHostFixture : IAsyncLifetime
{
    public FakeOpenAi Fake { get; private set; } = null!;
    public BotHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Fake = await FakeOpenAi.StartAsync();
        Host = await BotHost.StartAsync(settings: Fake.Settings(timeoutSeconds: 2));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Fake.DisposeAsync();
    }

    /// <summary>Clears the fake's calls and sets its answer for the next test.</summary>
    public void Reset(Func<ChatCall, CancellationToken, Task<Microsoft.AspNetCore.Http.IResult>>? respond = null)
    {
        Fake.Calls.Clear();
        Fake.Respond = respond ?? ((call, _) => Task.FromResult(FakeOpenAi.DefaultAnswer(call)));
    }

    public Task<List<Bot.Audit.AuditEntry>> AuditAsync(string action) =>
        Host.DbAsync(db => db.AuditLog.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync());
}
