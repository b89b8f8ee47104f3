using System.Collections.Concurrent;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace IntakeBot.Bot.Tests.Storage;

/// <summary>The data keys that seal conversations and tickets, wrapped by the Data Protection key ring.</summary>
public sealed class DataKeyRingTests : IDisposable
{
    private static readonly byte[] Conversations = "IntakeBot.Conversations.v1"u8.ToArray();
    private static readonly byte[] Tickets = "IntakeBot.Tickets.v1"u8.ToArray();
    private static readonly byte[] Story = Encoding.UTF8.GetBytes("息子が逮捕されました。来月出所しますが帰る家がありません。");

    private readonly string _keysFolder = Path.Combine(Path.GetTempPath(), "intakebot-tests", Guid.NewGuid().ToString("N"), "keys");
    private readonly List<ServiceProvider> _providers = [];

    [Fact]
    public void A_sealed_value_opens_under_its_purpose_and_holds_no_plain_text()
    {
        var ring = Ring();

        var payload = ring.Seal(Story, Conversations);

        Assert.True(DataKeyRing.IsSealed(payload));
        Assert.Equal(Story.Length + DataKeyRing.Overhead, payload.Length);
        Assert.Equal(-1, payload.AsSpan().IndexOf(Story.AsSpan(0, 9)));
        Assert.Equal(Story, ring.Open(payload, Conversations));
        Assert.ThrowsAny<CryptographicException>(() => ring.Open(payload, Tickets));
    }

    [Fact]
    public void Any_changed_byte_is_detected()
    {
        var ring = Ring();
        var payload = ring.Seal(Story, Conversations);

        // The key id, the nonce, the tag and the ciphertext: changing any of them must fail, not open as something else.
        foreach (var at in new[] { 4, 20, 30, DataKeyRing.Overhead - 1, DataKeyRing.Overhead, payload.Length - 1 })
        {
            var changed = payload.ToArray();
            changed[at] ^= 0x01;
            Assert.ThrowsAny<CryptographicException>(() => ring.Open(changed, Conversations));
        }
    }

    [Fact]
    public void Another_instance_sharing_the_key_ring_opens_what_this_one_sealed_and_seals_with_its_own_key()
    {
        var first = Ring();
        var second = Ring();

        var fromFirst = first.Seal(Story, Conversations);
        var fromSecond = second.Seal(Story, Conversations);

        Assert.Equal(Story, second.Open(fromFirst, Conversations));
        Assert.Equal(Story, first.Open(fromSecond, Conversations));
        Assert.NotEqual(KeyId(fromFirst), KeyId(fromSecond));
        Assert.Equal(2, Directory.GetFiles(first.Folder, "*.key").Length);
    }

    [Fact]
    public void A_data_key_is_written_only_wrapped_by_the_key_ring()
    {
        var ring = Ring();
        var payload = ring.Seal(Story, Conversations);

        var keyFile = Directory.GetFiles(ring.Folder, "*.key").Single();

        // Data Protection's payload (its magic header), not 32 raw bytes; a ring with other keys cannot use it.
        Assert.Equal(new byte[] { 0x09, 0xF0, 0xC9, 0xF0 }, File.ReadAllBytes(keyFile)[..4]);
        var stranger = Ring(Path.Combine(Path.GetTempPath(), "intakebot-tests", Guid.NewGuid().ToString("N"), "keys"));
        Directory.CreateDirectory(stranger.Folder);
        File.Copy(keyFile, Path.Combine(stranger.Folder, Path.GetFileName(keyFile)));
        Assert.ThrowsAny<CryptographicException>(() => stranger.Open(payload, Conversations));
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public void Data_keys_are_readable_by_the_service_user_only()
    {
        var ring = Ring();
        ring.Seal(Story, Conversations);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Directory.GetFiles(ring.Folder, "*.key").Single()));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(ring.Folder));
    }

    [Fact]
    public void A_value_whose_data_key_is_missing_fails_clearly()
    {
        var ring = Ring();
        var payload = ring.Seal(Story, Conversations);
        File.Delete(Directory.GetFiles(ring.Folder, "*.key").Single());

        var error = Assert.ThrowsAny<CryptographicException>(() => Ring().Open(payload, Conversations));

        Assert.Contains("not in the key ring", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_seals_at_most_its_limit_then_a_new_key_takes_over()
    {
        var ring = Ring(maxSeals: 3);

        var payloads = Enumerable.Range(0, 7).Select(_ => ring.Seal(Story, Conversations)).ToList();

        Assert.Equal([3, 3, 1], payloads.GroupBy(KeyId).Select(g => g.Count()));
        Assert.All(payloads, p => Assert.Equal(Story, Ring().Open(p, Conversations)));
    }

    [Fact]
    public void A_day_old_key_seals_no_more()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        var ring = Ring(clock: clock);
        var before = ring.Seal(Story, Conversations);

        clock.Advance(TimeSpan.FromHours(23));
        var sameDay = ring.Seal(Story, Conversations);
        clock.Advance(TimeSpan.FromHours(2));
        var nextDay = ring.Seal(Story, Conversations);

        Assert.Equal(KeyId(before), KeyId(sameDay));
        Assert.NotEqual(KeyId(before), KeyId(nextDay));
        Assert.Equal(Story, ring.Open(before, Conversations));
    }

    [Fact]
    public async Task Concurrent_seals_never_reuse_a_nonce_under_one_key()
    {
        var ring = Ring(maxSeals: 5000);
        var seen = new ConcurrentDictionary<string, bool>();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 5000; i++)
            {
                var payload = ring.Seal(Story, Conversations);
                Assert.True(seen.TryAdd(Convert.ToHexString(payload.AsSpan(4, 28)), true), "a key id and nonce pair was used twice");
            }
        })));

        Assert.Equal(20_000, seen.Count);
        Assert.Equal(4, Directory.GetFiles(ring.Folder, "*.key").Length);
    }

    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }
    }

    private DataKeyRing Ring(string? keysFolder = null, long maxSeals = 1L << 32, TimeProvider? clock = null)
    {
        var folder = keysFolder ?? _keysFolder;
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("IntakeBot").PersistKeysToFileSystem(new DirectoryInfo(folder));
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return new DataKeyRing(folder, provider.GetRequiredService<IDataProtectionProvider>(), clock ?? TimeProvider.System, maxSeals, TimeSpan.FromDays(1));
    }

    private static Guid KeyId(byte[] payload) => new(payload.AsSpan(4, 16));
}
