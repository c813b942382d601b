using System.Security.Cryptography;
using Lnemis.Documents.Encryption;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Lnemis.Documents.Tests;

public sealed class EncryptionTests
{
    private const int Chunk = 1024;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Chunk - 1)]
    [InlineData(Chunk)]
    [InlineData(Chunk * 3)]
    [InlineData(Chunk * 3 + 17)]
    public async Task RoundTrip_ReturnsThePlainContent(int size)
    {
        var key = ChunkedEncryption.NewDataKey();
        var plain = RandomNumberGenerator.GetBytes(size);

        var sealedBytes = await EncryptAsync(plain, key);

        Assert.Equal(plain, await DecryptAsync(sealedBytes, key));
    }

    [Fact]
    public async Task AlteredByteInALaterChunk_FailsWhenReached()
    {
        var key = ChunkedEncryption.NewDataKey();
        var sealedBytes = await EncryptAsync(RandomNumberGenerator.GetBytes(Chunk * 4), key);
        sealedBytes[ChunkedEncryption.HeaderSize + 2 * (Chunk + ChunkedEncryption.TagSize) + 5] ^= 0x80;

        await Assert.ThrowsAsync<DocumentIntegrityException>(() => DecryptAsync(sealedBytes, key));
    }

    [Fact]
    public async Task TruncatedAtAChunkBoundary_Fails()
    {
        var key = ChunkedEncryption.NewDataKey();
        var sealedBytes = await EncryptAsync(RandomNumberGenerator.GetBytes(Chunk * 4), key);
        var cut = sealedBytes[..(ChunkedEncryption.HeaderSize + 2 * (Chunk + ChunkedEncryption.TagSize))];

        await Assert.ThrowsAsync<DocumentIntegrityException>(() => DecryptAsync(cut, key));
    }

    [Fact]
    public async Task SwappedChunks_Fail()
    {
        var key = ChunkedEncryption.NewDataKey();
        var sealedBytes = await EncryptAsync(RandomNumberGenerator.GetBytes(Chunk * 3), key);
        var size = Chunk + ChunkedEncryption.TagSize;
        var first = sealedBytes.AsSpan(ChunkedEncryption.HeaderSize, size).ToArray();
        sealedBytes.AsSpan(ChunkedEncryption.HeaderSize + size, size).CopyTo(sealedBytes.AsSpan(ChunkedEncryption.HeaderSize));
        first.CopyTo(sealedBytes.AsSpan(ChunkedEncryption.HeaderSize + size));

        await Assert.ThrowsAsync<DocumentIntegrityException>(() => DecryptAsync(sealedBytes, key));
    }

    [Fact]
    public async Task WrongKey_Fails()
    {
        var sealedBytes = await EncryptAsync(RandomNumberGenerator.GetBytes(100), ChunkedEncryption.NewDataKey());

        await Assert.ThrowsAsync<DocumentIntegrityException>(() => DecryptAsync(sealedBytes, ChunkedEncryption.NewDataKey()));
    }

    [Fact]
    public async Task WrappedKey_UnwrapsOnlyWithItsMasterKeyAndId()
    {
        var k1 = new MasterKeyWrapper("k1", new Dictionary<string, byte[]> { ["k1"] = RandomNumberGenerator.GetBytes(32), ["k2"] = RandomNumberGenerator.GetBytes(32) });
        var dataKey = ChunkedEncryption.NewDataKey();

        var wrapped = await k1.WrapAsync("k1", dataKey, CancellationToken.None);

        Assert.Equal(dataKey, await k1.UnwrapAsync("k1", wrapped, CancellationToken.None));
        await Assert.ThrowsAsync<DocumentIntegrityException>(() => k1.UnwrapAsync("k2", wrapped, CancellationToken.None));
        await Assert.ThrowsAsync<DocumentIntegrityException>(() => k1.UnwrapAsync("k3", wrapped, CancellationToken.None));
        wrapped[20] ^= 1;
        await Assert.ThrowsAsync<DocumentIntegrityException>(() => k1.UnwrapAsync("k1", wrapped, CancellationToken.None));
    }

    [Fact]
    public void DownloadLink_ExpiresAfterItsMinutes_AndRefusesAnyChange()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var master = new MasterKeyWrapper("k1", new Dictionary<string, byte[]> { ["k1"] = RandomNumberGenerator.GetBytes(32) });
        var links = new DownloadLinks(Options.Create(new DocumentsOptions { LinkMinutes = 5 }), master, clock);
        var versionId = Guid.NewGuid();
        var issuer = Guid.NewGuid();
        var (url, _) = links.Issue(versionId, issuer);
        var token = url[(url.IndexOf("token=", StringComparison.Ordinal) + 6)..];

        var (claim, _) = links.Verify(token);
        Assert.Equal(versionId, claim!.VersionId);
        Assert.Equal(issuer, claim.IssuedTo);
        Assert.Equal("The link is not valid.", links.Verify(token[..^2] + (token[^2] == 'a' ? "b" : "a") + token[^1]).Problem);
        Assert.Equal("The link is not valid.", links.Verify("a.b.c").Problem);

        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.NotNull(links.Verify(token).Claim);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("The link has expired; ask for a new one.", links.Verify(token).Problem);
    }

    private static async Task<byte[]> EncryptAsync(byte[] plain, byte[] key)
    {
        using var output = new MemoryStream();
        await using (var encrypting = new EncryptingStream(output, key, Chunk))
        {
            // Odd write sizes cross chunk boundaries.
            for (var i = 0; i < plain.Length; i += 700)
            {
                await encrypting.WriteAsync(plain.AsMemory(i, Math.Min(700, plain.Length - i)));
            }

            await encrypting.FinishAsync(CancellationToken.None);
        }

        return output.ToArray();
    }

    private static async Task<byte[]> DecryptAsync(byte[] sealedBytes, byte[] key)
    {
        await using var decrypting = await DecryptingStream.OpenAsync(new MemoryStream(sealedBytes), key, CancellationToken.None);
        using var plain = new MemoryStream();
        await decrypting.CopyToAsync(plain);
        return plain.ToArray();
    }
}
