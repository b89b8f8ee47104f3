using System.Security.Cryptography;
using System.Text;

namespace IntakeBot.Bot.Channels.Line;

/// <summary>
/// <c>x-line-signature</c>: the base64 HMAC-SHA256 of the raw request body under the channel
/// secret. Checked on the bytes as received, before any parsing, in constant time.
/// </summary>
public static class LineSignature
{
    public const string Header = "x-line-signature";

    public static string Sign(string channelSecret, ReadOnlySpan<byte> body) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(channelSecret), body));

    public static bool IsValid(string channelSecret, ReadOnlySpan<byte> body, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || signature.Length > 128)
        {
            return false;
        }

        Span<byte> given = stackalloc byte[96];
        if (!Convert.TryFromBase64String(signature.Trim(), given, out var length) || length != 32)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(channelSecret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given[..length]);
    }
}
