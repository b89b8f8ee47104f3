using Microsoft.EntityFrameworkCore;
using IntakeBot.Dialogs.Conversation;
using IntakeBot.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using System.Text;
using IntakeBot.Bot.Tests.Support;

namespace IntakeBot.Bot.Tests.Security;

/// <summary>SECURITY.md cases 15 and 16: refusing consent or quitting leaves no personal text in the database files or the logs.</summary>
public sealed class ConsentAndPrivacyTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string Marker() => "MARKER" + Guid.NewGuid().ToString("N")[..12];

    // Read as they are on disk (on SQLite the main file and write-ahead log), as an attacker with the disk would.
    private async Task<bool> InDatabaseFile(string marker) => (await _host.StoredBytesAsync()).AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker)) >= 0;

    /// <summary>The marker in what the host stores, read back through its own decryption.</summary>
    private async Task<bool> StoredAsync(string marker)
    {
        var protector = _host.Services.GetRequiredService<ConversationProtector>();
        var texts = await _host.DbAsync(async db =>
            (await db.Activities.Select(a => a.Json).ToListAsync())
            .Select(protector.Unprotect)
            .Concat((await db.Conversations.Select(c => c.SealedState).ToListAsync()).Select(s => Encoding.UTF8.GetString(protector.UnprotectBytes(s))))
            .ToList());
        return texts.Any(t => t.Contains(marker, StringComparison.Ordinal));
    }

    /// <summary>Gone from the stored data, and not in the files' bytes in any form left behind.</summary>
    private async Task<bool> InDatabase(string marker) => await InDatabaseFile(marker) || await StoredAsync(marker);

    [Fact]
    public async Task Refusing_consent_leaves_no_user_text_in_the_database_file()
    {
        var marker = Marker();
        var line = await new DirectLineClient(_host.Client).GetPageTokenAsync();
        await line.StartAsync();
        await line.PostAsync($"{marker} 息子が逮捕されました。障がいがあります。");
        Assert.True(await StoredAsync(marker), "the marker should be stored before the refusal, or this test proves nothing");
        Assert.False(await InDatabaseFile(marker), "chat text must be encrypted at rest");

        await line.PostAsync("同意しない");

        Assert.False(await InDatabase(marker));
        line.Watermark = string.Empty;
        var stream = await line.PollAsync();
        Assert.DoesNotContain(stream, a => (a.Text ?? string.Empty).Contains(marker, StringComparison.Ordinal));
        Assert.Contains(stream, a => a.Text == "（この内容は削除しました）");
    }

    [Fact]
    public async Task Quitting_after_consent_leaves_no_user_text_in_the_database_file()
    {
        var marker = Marker();
        var line = await new DirectLineClient(_host.Client).GetPageTokenAsync();
        await line.StartAsync();
        await line.PostAsync("相談を始める");
        await line.PostAsync("同意する");
        await line.PostAsync($"{marker} です");
        Assert.True(await StoredAsync(marker));

        await line.PostAsync("やめる");

        Assert.False(await InDatabase(marker));
        var sealedState = await _host.DbAsync(db => Task.FromResult(db.Conversations.Single(c => c.Id == line.ConversationId).SealedState));
        var state = IntakeStateSerializer.Serialize(_host.Services.GetRequiredService<ConversationProtector>().OpenState(sealedState));
        Assert.DoesNotContain(marker, state, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_a_user_writes_appears_in_the_logs()
    {
        var marker = Marker();
        var chat = new ApiMessagesChat(_host.Client, Guid.NewGuid().ToString("N"));
        await chat.StartAsync();
        await chat.SendAsync("相談を始める");
        await chat.SendAsync("同意する");
        await chat.SendAsync($"{marker} 090-9999-8888");
        await chat.SendAsync($"{marker} 死にたい");

        Assert.NotEmpty(_host.Logs.Lines);
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains(marker, StringComparison.Ordinal) || l.Contains("090-9999-8888", StringComparison.Ordinal));
    }
}
