using System.Security.Cryptography;
using System.Xml.Linq;
using IntakeBot.Bot.Hosting;
using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Tests.Staff;
using IntakeBot.Bot.Tests.Support;
using IntakeBot.Dialogs.Conversation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntakeBot.Bot.Tests.Storage;

/// <summary>
/// SECURITY.md case 20: a copy of the data folder alone opens nothing. The Data Protection key
/// ring in it is encrypted with a key-encryption key kept in a separate secrets folder, and every
/// file the host writes there is for the service's user only (0600, folders 0700).
/// </summary>
[Trait("Category", TestDatabase.SqliteOnly)]
public sealed class DataFolderAtRestTests
{
    private static readonly XNamespace DataProtectionXml = "http://schemas.asp.net/2015/03/dataProtection";

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "intakebot-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_copy_of_the_data_folder_with_other_secrets_opens_nothing_and_the_host_refuses_to_start_saying_why()
    {
        var original = NewFolder();
        string conversationKey;
        await using (var host = await BotHost.StartAsync(original, keepData: true))
        {
            (_, conversationKey) = await DeskFixtures.IntakeAsync(host);
        }

        var keysFolder = Path.Combine(original, "keys");
        var keyFiles = Directory.GetFiles(keysFolder, "key-*.xml");
        Assert.NotEmpty(keyFiles);
        Assert.All(keyFiles, path =>
        {
            var xml = XElement.Load(path);
            Assert.NotEmpty(xml.Descendants(DataProtectionXml + "encryptedSecret"));
            Assert.DoesNotContain(xml.Descendants(), e => e.Attribute(DataProtectionXml + "requiresEncryption") is not null);
            Assert.DoesNotContain("<value>", File.ReadAllText(path), StringComparison.Ordinal);
        });

        var copy = NewFolder();
        CopyFolder(original, copy);
        var copiedFiles = Directory.GetFiles(copy, "*", SearchOption.AllDirectories).ToDictionary(p => p, File.ReadAllBytes);
        var otherSecrets = NewFolder() + ".secrets";

        // Data Protection on the copied ring, without the key-encryption key, cannot unwrap a data key.
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("IntakeBot").PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(copy, "keys"))).DisableAutomaticKeyGeneration();
        await using (var bare = services.BuildServiceProvider())
        {
            var wrapped = File.ReadAllBytes(Directory.GetFiles(Path.Combine(copy, "keys", "data-keys"), "*.key").First());
            Assert.ThrowsAny<CryptographicException>(() => bare.GetRequiredService<IDataProtectionProvider>().CreateProtector("IntakeBot.DataKeys.v1").Unprotect(wrapped));
        }

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => BotHost.StartAsync(copy, new Dictionary<string, string?>
        {
            ["DataProtection:SecretsFolder"] = otherSecrets,
        }));
        Assert.Contains("DataProtection:SecretsFolder", refused.Message, StringComparison.Ordinal);
        Assert.Contains(otherSecrets, refused.Message, StringComparison.Ordinal);
        // Refused before writing anything: no new key, no change to the copy.
        Assert.False(Directory.Exists(otherSecrets) && Directory.EnumerateFiles(otherSecrets).Any());
        Assert.Equal(string.Join("\n", copiedFiles.Keys.Order()), string.Join("\n", Directory.GetFiles(copy, "*", SearchOption.AllDirectories).Order()));
        Assert.All(copiedFiles, f => Assert.Equal(f.Value, File.ReadAllBytes(f.Key)));

        // With the original secrets the copy opens: the data was never lost, only locked.
        await using (var restored = await BotHost.StartAsync(copy, new Dictionary<string, string?>
        {
            ["DataProtection:SecretsFolder"] = BotHost.SecretsFolderOf(original),
        }))
        {
            var stored = await restored.DbAsync(db => db.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversationKey));
            Assert.Equal(IntakeStep.Done, restored.Services.GetRequiredService<ConversationProtector>().OpenState(stored.SealedState).Step);
        }

        foreach (var folder in new[] { original, copy, BotHost.SecretsFolderOf(original), otherSecrets })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Every_file_the_host_writes_in_the_data_folder_is_the_service_users_only()
    {
        var folder = NewFolder();
        await using var host = await BotHost.StartAsync(folder);
        await DeskFixtures.IntakeAsync(host);
        // The Direct Line signing key is written on first use.
        using (var token = await host.Client.PostAsync("api/webchat/token", null))
        {
            Assert.True(token.IsSuccessStatusCode);
        }

        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const UnixFileMode ownerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        const UnixFileMode ownerFolder = ownerFile | UnixFileMode.UserExecute;
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith("intakebot.db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("intakebot.db-wal", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("intakebot.db-shm", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Contains("data-keys", StringComparison.Ordinal));
        Assert.All(files, f => Assert.True(ModeOf(f) == ownerFile, $"{f} is {ModeOf(f)}"));
        Assert.All(Directory.GetDirectories(folder, "*", SearchOption.AllDirectories).Append(folder),
            d => Assert.True(ModeOf(d) == ownerFolder, $"{d} is {ModeOf(d)}"));
        var secrets = BotHost.SecretsFolderOf(folder);
        Assert.Equal(ownerFolder, ModeOf(secrets));
        Assert.All(Directory.GetFiles(secrets), f => Assert.Equal(ownerFile, ModeOf(f)));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("No XML encryptor configured", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_key_ring_left_in_the_clear_by_an_earlier_version_still_opens_and_is_encrypted_at_start()
    {
        // A data folder from an earlier version: Data Protection without an encryptor, everything 0644.
        var folder = NewFolder();
        var keysFolder = Path.Combine(folder, "keys");
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("IntakeBot").PersistKeysToFileSystem(new DirectoryInfo(keysFolder));
        byte[] sealedBefore;
        await using (var before = services.BuildServiceProvider())
        {
            sealedBefore = before.GetRequiredService<IDataProtectionProvider>().CreateProtector("IntakeBot.Conversations.v1")
                .Protect(IntakeStateSerializer.SerializeToUtf8(new IntakeState { Step = IntakeStep.Details, Consented = true }));
        }

        var keyFile = Directory.GetFiles(keysFolder, "key-*.xml").Single();
        Assert.Contains("<value>", File.ReadAllText(keyFile), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)Convert.ToInt32("755", 8));
            File.SetUnixFileMode(keyFile, (UnixFileMode)Convert.ToInt32("644", 8));
        }

        for (var start = 0; start < 2; start++)
        {
            await using var host = await BotHost.StartAsync(folder, keepData: start == 0);
            Assert.Equal(IntakeStep.Details, host.Services.GetRequiredService<ConversationProtector>().OpenState(sealedBefore).Step);
            var xml = XElement.Load(keyFile);
            Assert.NotEmpty(xml.Descendants(DataProtectionXml + "encryptedSecret"));
            Assert.DoesNotContain("<value>", File.ReadAllText(keyFile), StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            }
        }
    }

    [Fact]
    public void The_shipped_settings_keep_the_secrets_outside_the_data_folder_and_a_secrets_folder_inside_it_is_refused()
    {
        var builder = BotApp.CreateBuilder(["--contentRoot", RepoPaths.Bot]);
        var secrets = StorageServiceCollectionExtensions.SecretsFolder(builder.Configuration, builder.Environment.ContentRootPath);
        Assert.Equal(Path.Combine(RepoPaths.Bot, "secrets"), secrets);

        var data = NewFolder();
        var inside = new KeyEncryptionKeys(Path.Combine(data, "secrets"), TimeProvider.System);
        var error = Assert.Throws<InvalidOperationException>(() => KeyRingAtRest.Prepare(Path.Combine(data, "keys"), data, inside));
        Assert.Contains("DataProtection:SecretsFolder", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(data, "secrets")));
    }

    private static UnixFileMode ModeOf(string path) => OperatingSystem.IsWindows() ? UnixFileMode.None : File.GetUnixFileMode(path);

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}
