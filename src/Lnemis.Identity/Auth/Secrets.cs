using System.Security.Cryptography;
using System.Text;

namespace Lnemis.Identity.Auth;

/// <summary>Random secrets and their stored hashes. High-entropy secrets need no slow hash; SHA-256 suffices.</summary>
internal static class Secrets
{
    public const string PersonalTokenPrefix = "lnp_";
    public const string ClientTokenPrefix = "lnc_";

    public static string NewToken(string prefix) =>
        prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Ten codes like "k3f9-x2pq", easy to type, 40 bits each.</summary>
    public static IReadOnlyList<string> NewRecoveryCodes()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        return Enumerable.Range(0, 10).Select(_ =>
        {
            var chars = Enumerable.Range(0, 8).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray();
            return $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}";
        }).ToList();
    }

    public static string NormalizeRecoveryCode(string code) => code.Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
