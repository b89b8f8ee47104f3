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
    public async Task New_keys_are_AES_256_GCM_and_the_data_key_is_kept_beside_them()
    {
        await using var host = await BotHost.StartAsync();
        var protector = host.Services.GetRequiredService<ConversationProtector>();

        var sealedState = protector.Seal(new IntakeState { Step = IntakeStep.Consent });

        var keys = Directory.GetFiles(Path.Combine(host.DataFolder, "keys"), "key-*.xml");
        Assert.NotEmpty(keys);
        // The data key that sealed it is kept wrapped beside them, for every instance sharing the ring.
        Assert.Single(Directory.GetFiles(Path.Combine(host.DataFolder, "keys", "data-keys"), "*.key"));
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
            // How the state was sealed before the data keys: by Data Protection itself.
            sealedBefore = before.GetRequiredService<IDataProtectionProvider>().CreateProtector("IntakeBot.Conversations.v1")
                .Protect(IntakeStateSerializer.SerializeToUtf8(new IntakeState { Step = IntakeStep.Details, Consented = true }));
        }

        Assert.Contains("AES_256_CBC", File.ReadAllText(Directory.GetFiles(keysFolder, "key-*.xml").Single()), StringComparison.Ordinal);

        await using var host = await BotHost.StartAsync(dataFolder);
        var opened = host.Services.GetRequiredService<ConversationProtector>().OpenState(sealedBefore);

        Assert.Equal(IntakeStep.Details, opened.Step);
        Assert.True(opened.Consented);
    }

    [Fact]
    public async Task The_state_is_stored_as_data_key_ciphertext_and_what_was_stored_before_still_opens()
    {
        await using var host = await BotHost.StartAsync();
        var protector = host.Services.GetRequiredService<ConversationProtector>();
        var plain = host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("IntakeBot.Conversations.v1");
        var state = new IntakeState { Step = IntakeStep.Details, Consented = true };
        state.Transcript.Add(new TranscriptEntry(true, "息子が逮捕されました <b>&</b>", DateTimeOffset.UnixEpoch));
        var json = IntakeStateSerializer.Serialize(state);

        var sealedState = protector.Seal(state);

        Assert.True(DataKeyRing.IsSealed(sealedState));
        Assert.Equal(json, IntakeStateSerializer.Serialize(protector.OpenState(sealedState)));
        // Data Protection's own ciphertext from before the data keys; what the conversations table
        // held before the column became binary, as its bytes: the base64url text of the
        // ciphertext, and plain JSON from before encryption.
        Assert.Equal(json, IntakeStateSerializer.Serialize(protector.OpenState(plain.Protect(Encoding.UTF8.GetBytes(json)))));
        Assert.Equal(json, IntakeStateSerializer.Serialize(protector.OpenState(Encoding.UTF8.GetBytes(plain.Protect(json)))));
        Assert.Equal(json, IntakeStateSerializer.Serialize(protector.OpenState(Encoding.UTF8.GetBytes(json))));
    }
}
