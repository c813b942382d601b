using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Lnemis.Documents.Encryption;

namespace Lnemis.Benchmarks;

/// <summary>
/// Document encryption (Documents Encryption/ChunkedEncryption): 1 MB through the chunked AES-GCM
/// streams as an upload and a download pass through them (64 KB chunks, each authenticated).
/// </summary>
public class DocumentEncryptionBenchmarks
{
    private const int Size = 1024 * 1024;
    private readonly byte[] plain = new byte[Size];
    private readonly byte[] readBuffer = new byte[81_920];
    private byte[] key = [];
    private byte[] encrypted = [];
    private MemoryStream destination = null!;

    [GlobalSetup]
    public void Setup()
    {
        new Random(7).NextBytes(plain);
        key = ChunkedEncryption.NewDataKey();
        destination = new MemoryStream(Size + (Size / 512));
        EncryptOneMegabyte().GetAwaiter().GetResult();
        encrypted = destination.ToArray();
        BenchmarkInput.Expect(encrypted.Length == ChunkedEncryption.HeaderSize + Size + (16 * ChunkedEncryption.TagSize), "1 MB encrypts to a header and 16 sealed 64 KB chunks");
        BenchmarkInput.Expect(DecryptOneMegabyte().GetAwaiter().GetResult() == Size, "the 1 MB decrypts back in full");
        using var check = new MemoryStream();
        using (var stream = DecryptingStream.OpenAsync(new MemoryStream(encrypted), key, CancellationToken.None).GetAwaiter().GetResult())
        {
            stream.CopyTo(check);
        }

        BenchmarkInput.Expect(CryptographicOperations.FixedTimeEquals(check.ToArray(), plain), "the decrypted bytes are the plain bytes");
    }

    [Benchmark(Description = "Encrypt 1 MB (AES-256-GCM, 64 KB chunks)")]
    public async Task EncryptOneMegabyte()
    {
        destination.SetLength(0);
        await using var stream = new EncryptingStream(destination, key);
        await stream.WriteAsync(plain);
        await stream.FinishAsync(CancellationToken.None);
    }

    [Benchmark(Description = "Decrypt and authenticate 1 MB")]
    public async Task<long> DecryptOneMegabyte()
    {
        await using var stream = await DecryptingStream.OpenAsync(new MemoryStream(encrypted, writable: false), key, CancellationToken.None);
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(readBuffer)) > 0)
        {
            total += read;
        }

        return total;
    }
}
