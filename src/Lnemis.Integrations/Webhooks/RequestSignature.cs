using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lnemis.Integrations.Webhooks;

/// <summary>
/// HMAC-SHA256 over "{timestamp}.{body}" with a shared secret, written "sha256={hex}". Signs our
/// webhook deliveries and checks the payment gateway's callbacks. The timestamp (Unix seconds) is
/// inside the signature, so a captured request cannot be replayed outside the tolerance window.
/// </summary>
public static class RequestSignature
{
    public const string Prefix = "sha256=";

    public static string Compute(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}"));
        return Prefix + Convert.ToHexStringLower(mac);
    }

    /// <summary>True when the signature is the secret's over this timestamp and body, and the timestamp is within the tolerance of now.</summary>
    public static bool Verify(string secret, string? signature, string? timestamp, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(secret) || signature is null
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, seconds, body));
        var given = Encoding.ASCII.GetBytes(signature.Trim());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
