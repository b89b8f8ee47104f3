using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Channels.DirectLine;

/// <summary>
/// Issues and checks Direct Line tokens: a payload (kind, conversation, user, expiry) and an
/// HMAC-SHA256 over it. Bound to one conversation and one user, so a token can neither read
/// another conversation nor speak as another user.
/// </summary>
public sealed class DirectLineTokens(TokenSigningKey key, IOptions<DirectLineOptions> options, TimeProvider clock)
{
    private const string Prefix = "dl1.";

    public DirectLineOptions Options => options.Value;

    public (string Token, int ExpiresIn) Issue(DirectLineTokenKind kind, string conversationId, string userId)
    {
        var lifetime = kind switch
        {
            DirectLineTokenKind.Stream => options.Value.StreamTokenLifetime,
            DirectLineTokenKind.Resume => options.Value.ResumeLifetime,
            _ => options.Value.EffectiveTokenLifetime,
        };
        var expires = clock.GetUtcNow() + lifetime;
        var payload = new Payload((int)kind, conversationId, userId, expires.ToUnixTimeSeconds(), Convert.ToHexString(RandomNumberGenerator.GetBytes(8)));
        var body = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));
        return (Prefix + body + "." + Base64Url.EncodeToString(Sign(body)), (int)lifetime.TotalSeconds);
    }

    public (TokenValidity Validity, DirectLineToken? Token) Read(string? token, DirectLineTokenKind kind)
    {
        if (token is null || !token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 2048)
        {
            return (TokenValidity.Invalid, null);
        }

        var parts = token[Prefix.Length..].Split('.');
        if (parts.Length != 2 || !Base64Url.IsValid(parts[0]) || !Base64Url.IsValid(parts[1]))
        {
            return (TokenValidity.Invalid, null);
        }

        if (!CryptographicOperations.FixedTimeEquals(Sign(parts[0]), Base64Url.DecodeFromChars(parts[1])))
        {
            return (TokenValidity.Invalid, null);
        }

        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(Base64Url.DecodeFromChars(parts[0]));
        }
        catch (JsonException)
        {
            return (TokenValidity.Invalid, null);
        }

        if (payload is null || payload.K != (int)kind || string.IsNullOrEmpty(payload.C) || string.IsNullOrEmpty(payload.U))
        {
            return (TokenValidity.Invalid, null);
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(payload.E);
        return expires <= clock.GetUtcNow()
            ? (TokenValidity.Expired, null)
            : (TokenValidity.Valid, new DirectLineToken(kind, payload.C, payload.U, expires));
    }

    /// <summary>Constant-time check of the Direct Line secret.</summary>
    public bool IsSecret(string? value) =>
        options.Value.Secret.Length > 0 && value is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(value), Encoding.UTF8.GetBytes(options.Value.Secret));

    private byte[] Sign(string body) => HMACSHA256.HashData(key.Bytes, Encoding.ASCII.GetBytes(Prefix + body));

    /// <summary>
    /// The token body. The user is under <c>user</c> because Web Chat and directlinejs read the
    /// user id from the token's second dot-separated part, as in Azure's JWT tokens; without it
    /// Web Chat replaces a <c>dl_</c> user id with a random one and shows no buttons.
    /// </summary>
    private sealed record Payload(
        [property: JsonPropertyName("kind")] int K,
        [property: JsonPropertyName("conv")] string C,
        [property: JsonPropertyName("user")] string U,
        [property: JsonPropertyName("exp")] long E,
        [property: JsonPropertyName("n")] string N);
}
