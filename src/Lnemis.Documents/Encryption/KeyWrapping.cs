using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Lnemis.Documents.Encryption;

/// <summary>
/// Wraps and unwraps per-file data keys with a master key the application never stores beside the
/// data. The configured master keys implement it; a key-management service (AWS KMS, Vault transit)
/// would implement it the same way, keeping the master key outside the process.
/// </summary>
public interface IKeyWrapper
{
    /// <summary>The key new data keys are wrapped with, and the one rotation moves every key to.</summary>
    string ActiveKeyId { get; }

    Task<byte[]> WrapAsync(string keyId, byte[] dataKey, CancellationToken ct);

    /// <summary>Throws <see cref="DocumentIntegrityException"/> when the key id is unknown or the blob was altered.</summary>
    Task<byte[]> UnwrapAsync(string keyId, byte[] wrapped, CancellationToken ct);
}

/// <summary>Master keys from configuration (or, in the embedded default, a key file in the data folder). AES-256-GCM, bound to the key id.</summary>
internal sealed class MasterKeyWrapper : IKeyWrapper
{
    private const int NonceSize = 12;
    private readonly Dictionary<string, byte[]> keys;

    public MasterKeyWrapper(string activeKeyId, IReadOnlyDictionary<string, byte[]> keys)
    {
        if (!keys.ContainsKey(activeKeyId))
        {
            throw new InvalidOperationException($"Lnemis:Documents:Encryption:ActiveKeyId '{activeKeyId}' is not among the master keys.");
        }

        foreach (var (id, key) in keys)
        {
            if (key.Length != ChunkedEncryption.KeySize)
            {
                throw new InvalidOperationException($"Master key '{id}' must be 32 bytes (base64 of 32 random bytes).");
            }
        }

        ActiveKeyId = activeKeyId;
        this.keys = new Dictionary<string, byte[]>(keys, StringComparer.Ordinal);
    }

    public string ActiveKeyId { get; }

    /// <summary>The active master key; the link-signing key is derived from it when none is configured.</summary>
    internal byte[] ActiveKey => keys[ActiveKeyId];

    public Task<byte[]> WrapAsync(string keyId, byte[] dataKey, CancellationToken ct)
    {
        var master = Find(keyId);
        var wrapped = new byte[NonceSize + dataKey.Length + ChunkedEncryption.TagSize];
        var nonce = wrapped.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(master, ChunkedEncryption.TagSize);
        aes.Encrypt(nonce, dataKey, wrapped.AsSpan(NonceSize, dataKey.Length), wrapped.AsSpan(NonceSize + dataKey.Length), Encoding.UTF8.GetBytes(keyId));
        return Task.FromResult(wrapped);
    }

    public Task<byte[]> UnwrapAsync(string keyId, byte[] wrapped, CancellationToken ct)
    {
        var master = Find(keyId);
        if (wrapped.Length != NonceSize + ChunkedEncryption.KeySize + ChunkedEncryption.TagSize)
        {
            throw new DocumentIntegrityException("The wrapped data key is damaged.");
        }

        var dataKey = new byte[ChunkedEncryption.KeySize];
        using var aes = new AesGcm(master, ChunkedEncryption.TagSize);
        try
        {
            aes.Decrypt(wrapped.AsSpan(0, NonceSize), wrapped.AsSpan(NonceSize, dataKey.Length), wrapped.AsSpan(NonceSize + dataKey.Length), dataKey, Encoding.UTF8.GetBytes(keyId));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new DocumentIntegrityException("The wrapped data key does not open with its master key.");
        }

        return Task.FromResult(dataKey);
    }

    private byte[] Find(string keyId) =>
        keys.TryGetValue(keyId, out var key)
            ? key
            : throw new DocumentIntegrityException($"Master key '{keyId}' is not configured; add it back (Lnemis:Documents:Encryption:MasterKeys) to read documents wrapped with it.");

    /// <summary>
    /// The configured keys; without any, the embedded default's key file (created on first use,
    /// readable by the owner only). Production deployments configure keys (see the runbook).
    /// </summary>
    public static MasterKeyWrapper FromOptions(EncryptionOptions options, string dataDirectory)
    {
        if (options.MasterKeys.Count > 0)
        {
            var configured = options.MasterKeys.ToDictionary(k => k.Key, k => Decode(k.Key, k.Value), StringComparer.Ordinal);
            var active = options.ActiveKeyId ?? (configured.Count == 1 ? configured.Keys.Single() : throw new InvalidOperationException("Set Lnemis:Documents:Encryption:ActiveKeyId: several master keys are configured."));
            return new MasterKeyWrapper(active, configured);
        }

        var path = Path.Combine(Path.GetFullPath(dataDirectory), "documents-keys.json");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var file = new KeyFile("local-1", new() { ["local-1"] = Convert.ToBase64String(ChunkedEncryption.NewDataKey()) });
            var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                using var stream = new FileStream(path, fileOptions);
                JsonSerializer.Serialize(stream, file);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first; use theirs.
            }
        }

        var stored = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path)) ?? throw new InvalidOperationException($"{path} is empty.");
        return new MasterKeyWrapper(stored.ActiveKeyId, stored.Keys.ToDictionary(k => k.Key, k => Decode(k.Key, k.Value), StringComparer.Ordinal));
    }

    private static byte[] Decode(string id, string base64)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"Master key '{id}' is not valid base64.");
        }
    }

    private sealed record KeyFile(string ActiveKeyId, Dictionary<string, string> Keys);
}
