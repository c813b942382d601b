using System.Buffers.Binary;
using System.Security.Cryptography;
using Lnemis.Documents.Encryption;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Lnemis.Documents;

/// <summary>
/// Short-lived download links signed with HMAC-SHA256: the link names one version, when it expires
/// and who asked for it; the server keeps no state. Any change to the token breaks the signature.
/// </summary>
internal sealed class DownloadLinks(IOptions<DocumentsOptions> options, MasterKeyWrapper masterKeys, TimeProvider clock)
{
    public const string Path = "/api/v1/documents/download";

    /// <summary>The same signed token shown inline (safe types only) instead of downloaded.</summary>
    public const string PreviewPath = "/api/v1/documents/preview";
    private const int PayloadSize = 16 + 8 + 16;

    private readonly byte[] key = string.IsNullOrWhiteSpace(options.Value.LinkSigningKey)
        ? HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKeys.ActiveKey, 32, info: "lnemis document links"u8.ToArray())
        : Convert.FromBase64String(options.Value.LinkSigningKey);

    public sealed record Claim(Guid VersionId, DateTimeOffset ExpiresAt, Guid? IssuedTo);

    public (string Url, DateTimeOffset ExpiresAt) Issue(Guid versionId, Guid? issuedTo, string path = Path)
    {
        var expires = clock.GetUtcNow().AddMinutes(options.Value.LinkMinutes);
        var payload = new byte[PayloadSize];
        versionId.TryWriteBytes(payload.AsSpan(0, 16));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(16, 8), expires.ToUnixTimeSeconds());
        (issuedTo ?? Guid.Empty).TryWriteBytes(payload.AsSpan(24, 16));
        var token = WebEncoders.Base64UrlEncode(payload) + "." + WebEncoders.Base64UrlEncode(HMACSHA256.HashData(key, payload));
        return ($"{path}?token={token}", DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds()));
    }

    /// <summary>The link's claim, or the reason it is refused.</summary>
    public (Claim? Claim, string? Problem) Verify(string? token)
    {
        var parts = token?.Split('.') ?? [];
        byte[] payload, signature;
        try
        {
            if (parts.Length != 2)
            {
                return (null, "The link is not valid.");
            }

            payload = WebEncoders.Base64UrlDecode(parts[0]);
            signature = WebEncoders.Base64UrlDecode(parts[1]);
        }
        catch (FormatException)
        {
            return (null, "The link is not valid.");
        }

        if (payload.Length != PayloadSize || !CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(key, payload)))
        {
            return (null, "The link is not valid.");
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(16, 8)));
        if (clock.GetUtcNow() >= expires)
        {
            return (null, "The link has expired; ask for a new one.");
        }

        var issuedTo = new Guid(payload.AsSpan(24, 16));
        return (new Claim(new Guid(payload.AsSpan(0, 16)), expires, issuedTo == Guid.Empty ? null : issuedTo), null);
    }
}
