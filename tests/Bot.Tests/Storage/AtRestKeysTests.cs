using System.Text;
using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Tests.Support;
using IntakeBot.Dialogs.Conversation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace IntakeBot.Bot.Tests.Storage;

/// <summary>The key ring that seals conversations and tickets at rest.</summary>
public sealed class AtRestKeysTests
{
    [Fact]
    public async Task New_keys_seal_with_AES_256_GCM()
    {
        await using var host = await BotHost.StartAsync();
        var protector = host.Services.GetRequiredService<ConversationProtector>();

        var sealedState = protector.Seal(new IntakeState { Step = IntakeStep.Consent });

        var keys = Directory.GetFiles(Path.Combine(host.DataFolder, "keys"), "key-*.xml");
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Contains("AES_256_GCM", File.ReadAllText(key), StringComparison.Ordinal));
        Assert.Equal(IntakeStep.Consent, protector.OpenState(sealedState).Step);
    }

    [Fact]
    public async Task What_an_older_CBC_key_sealed_still_opens()
    {
        // A data folder from before the switch: its key says AES-256-CBC with HMACSHA256.
        var dataFolder = Path.Combine(Path.GetTempPath(), "intakebot-tests", Guid.NewGuid().ToString("N"));
        var keysFolder = Path.Combine(dataFolder, "keys");
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("IntakeBot").PersistKeysToFileSystem(new DirectoryInfo(keysFolder));
        byte[] sealedBefore;
        await using (var before = services.BuildServiceProvider())
        {
            sealedBefore = new ConversationProtector(before.GetRequiredService<IDataProtectionProvider>())
                .Seal(new IntakeState { Step = IntakeStep.Details, Consented = true });
        }

        Assert.Contains("AES_256_CBC", File.ReadAllText(Directory.GetFiles(keysFolder, "key-*.xml").Single()), StringComparison.Ordinal);

        await using var host = await BotHost.StartAsync(dataFolder);
        var opened = host.Services.GetRequiredService<ConversationProtector>().OpenState(sealedBefore);

        Assert.Equal(IntakeStep.Details, opened.Step);
        Assert.True(opened.Consented);
    }

    [Fact]
    public async Task The_state_is_stored_as_ciphertext_bytes_and_states_stored_as_text_before_still_open()
    {
        await using var host = await BotHost.StartAsync();
        var protector = host.Services.GetRequiredService<ConversationProtector>();
        var plain = host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("IntakeBot.Conversations.v1");
        var state = new IntakeState { Step = IntakeStep.Details, Consented = true };
        state.Transcript.Add(new TranscriptEntry(true, "息子が逮捕されました <b>&</b>", DateTimeOffset.UnixEpoch));
        var json = IntakeStateSerializer.Serialize(state);

        var sealedState = protector.Seal(state);

        Assert.Equal(json, Encoding.UTF8.GetString(plain.Unprotect(sealedState)));
        // What the conversations table held before the column became binary, as its bytes: the
        // base64url text of the ciphertext, and plain JSON from before encryption.
        Assert.Equal(json, IntakeStateSerializer.Serialize(protector.OpenState(Encoding.UTF8.GetBytes(plain.Protect(json)))));
        Assert.Equal(json, IntakeStateSerializer.Serialize(protector.OpenState(Encoding.UTF8.GetBytes(json))));
    }
}
