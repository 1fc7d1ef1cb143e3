using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace WiseCx.Sandbox.Auth;

/// <summary>What the sandbox knows about a presented bearer token.</summary>
public enum TokenStatus
{
    /// <summary>Issued here and not expired.</summary>
    Valid,

    /// <summary>Never issued by this sandbox.</summary>
    Unknown,

    /// <summary>Issued here, but its lifetime has passed.</summary>
    Expired,
}

/// <summary>
/// Issues and checks tokens. Tokens look like the collection's JWE (five base64url parts under an
/// A128KW/A128CBC-HS256 header) but are random: the expiry lives only here, so a client cannot read
/// <c>exp</c> and must cope with a 403 "token expired", as against the real API.
/// </summary>
public sealed class TokenService(TimeProvider clock)
{
    // The protected header of the collection's example token: {"alg":"A128KW","enc":"A128CBC-HS256","typ":"JWT"}.
    private const string ProtectedHeader = "eyJhbGciOiJBMTI4S1ciLCJlbmMiOiJBMTI4Q0JDLUhTMjU2IiwidHlwIjoiSldUIn0";

    private const int PruneThreshold = 10_000;
    private static readonly TimeSpan PruneAfter = TimeSpan.FromDays(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);

    /// <summary>Creates a token valid for <paramref name="lifetime"/> from now.</summary>
    public string Issue(TimeSpan lifetime)
    {
        var token = string.Join('.',
            ProtectedHeader,
            RandomPart(40),   // encrypted key (A128KW wraps a 32-byte CEK into 40 bytes)
            RandomPart(16),   // IV
            RandomPart(16 * RandomNumberGenerator.GetInt32(14, 20)), // ciphertext, block-sized
            RandomPart(16));  // authentication tag
        var now = clock.GetUtcNow();
        _expiries[token] = now + lifetime;
        if (_expiries.Count > PruneThreshold) Prune(now);
        return token;
    }

    /// <summary>Checks a token presented as a bearer token.</summary>
    public TokenStatus Check(string token)
    {
        if (!_expiries.TryGetValue(token, out var expires)) return TokenStatus.Unknown;
        return clock.GetUtcNow() >= expires ? TokenStatus.Expired : TokenStatus.Valid;
    }

    private void Prune(DateTimeOffset now)
    {
        // Forgetting long-dead tokens turns "expired" into "invalid" for them, which no client can tell apart after a day.
        foreach (var (token, expires) in _expiries)
        {
            if (now - expires > PruneAfter) _expiries.TryRemove(token, out _);
        }
    }

    private static string RandomPart(int bytes) => Base64UrlEncode(RandomNumberGenerator.GetBytes(bytes));

    private static string Base64UrlEncode(byte[] data) =>
        Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
