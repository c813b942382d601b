using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Lnemis.Documents.Encryption;

/// <summary>
/// The file format of an encrypted document: AES-256-GCM over fixed-size chunks, so a file of any
/// size streams through in constant memory. Header: "LNE1", chunk size, an 8-byte random nonce
/// prefix. Each chunk is sealed with nonce = prefix ‖ chunk index, and authenticates the header,
/// its index and whether it is the last one: chunks cannot be altered, reordered, dropped or cut off.
/// </summary>
internal static class ChunkedEncryption
{
    public const int KeySize = 32;
    public const int TagSize = 16;
    public const int DefaultChunkSize = 64 * 1024;
    public const int HeaderSize = 16;
    private static readonly byte[] Magic = "LNE1"u8.ToArray();

    public static byte[] NewDataKey() => RandomNumberGenerator.GetBytes(KeySize);

    internal static byte[] NewHeader(int chunkSize)
    {
        var header = new byte[HeaderSize];
        Magic.CopyTo(header, 0);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), chunkSize);
        RandomNumberGenerator.Fill(header.AsSpan(8, 8));
        return header;
    }

    internal static int ReadHeader(ReadOnlySpan<byte> header)
    {
        if (header.Length != HeaderSize || !header[..4].SequenceEqual(Magic))
        {
            throw new DocumentIntegrityException("The stored file is not an encrypted document.");
        }

        var chunkSize = BinaryPrimitives.ReadInt32BigEndian(header[4..]);
        return chunkSize is > 0 and <= 16 * 1024 * 1024
            ? chunkSize
            : throw new DocumentIntegrityException("The stored file has an invalid header.");
    }

    internal static void Nonce(ReadOnlySpan<byte> header, uint index, Span<byte> nonce)
    {
        header.Slice(8, 8).CopyTo(nonce);
        BinaryPrimitives.WriteUInt32BigEndian(nonce[8..], index);
    }

    internal static byte[] AssociatedData(ReadOnlySpan<byte> header, uint index, bool final)
    {
        var aad = new byte[HeaderSize + 5];
        header.CopyTo(aad);
        BinaryPrimitives.WriteUInt32BigEndian(aad.AsSpan(HeaderSize), index);
        aad[HeaderSize + 4] = final ? (byte)1 : (byte)0;
        return aad;
    }
}

/// <summary>The stored content failed authentication: altered, truncated, or under the wrong key.</summary>
public sealed class DocumentIntegrityException(string message) : Exception(message);

/// <summary>
/// Write-only stream that encrypts into <c>destination</c>. Call <see cref="FinishAsync"/> to seal the
/// last chunk; a stream disposed without it leaves a file that never decrypts (it lacks a final chunk).
/// </summary>
internal sealed class EncryptingStream : Stream
{
    private readonly Stream destination;
    private readonly AesGcm aes;
    private readonly byte[] header;
    private readonly byte[] plain;
    private readonly byte[] sealedChunk;
    private int buffered;
    private uint index;
    private bool headerWritten;
    private bool finished;

    public EncryptingStream(Stream destination, byte[] dataKey, int chunkSize = ChunkedEncryption.DefaultChunkSize)
    {
        this.destination = destination;
        aes = new AesGcm(dataKey, ChunkedEncryption.TagSize);
        header = ChunkedEncryption.NewHeader(chunkSize);
        plain = new byte[chunkSize];
        sealedChunk = new byte[chunkSize + ChunkedEncryption.TagSize];
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(finished, this);
        while (buffer.Length > 0)
        {
            // A full chunk is sealed only once more data arrives: the last chunk must be marked final.
            if (buffered == plain.Length)
            {
                await SealAsync(final: false, cancellationToken);
            }

            var n = Math.Min(buffer.Length, plain.Length - buffered);
            buffer.Span[..n].CopyTo(plain.AsSpan(buffered));
            buffered += n;
            buffer = buffer[n..];
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    public async Task FinishAsync(CancellationToken ct)
    {
        await SealAsync(final: true, ct);
        finished = true;
        await destination.FlushAsync(ct);
    }

    private async Task SealAsync(bool final, CancellationToken ct)
    {
        if (!headerWritten)
        {
            await destination.WriteAsync(header, ct);
            headerWritten = true;
        }

        var nonce = new byte[12];
        ChunkedEncryption.Nonce(header, index, nonce);
        var output = sealedChunk.AsMemory(0, buffered + ChunkedEncryption.TagSize);
        aes.Encrypt(nonce, plain.AsSpan(0, buffered), output.Span[..buffered], output.Span[buffered..], ChunkedEncryption.AssociatedData(header, index, final));
        await destination.WriteAsync(output, ct);
        buffered = 0;
        index = checked(index + 1);
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            aes.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>
/// Read-only stream of the plain content of an encrypted file. Every chunk is authenticated before
/// any of its bytes is returned; a file that ends before its final chunk fails.
/// </summary>
internal sealed class DecryptingStream : Stream
{
    private readonly Stream source;
    private readonly AesGcm aes;
    private readonly byte[] header;
    private readonly byte[] sealedChunk;
    private readonly byte[] plain;
    private int plainStart;
    private int plainEnd;
    private uint index;
    private bool finalSeen;
    private int carried = -1;

    private DecryptingStream(Stream source, byte[] dataKey, byte[] header, int chunkSize)
    {
        this.source = source;
        this.header = header;
        aes = new AesGcm(dataKey, ChunkedEncryption.TagSize);
        sealedChunk = new byte[chunkSize + ChunkedEncryption.TagSize];
        plain = new byte[chunkSize];
    }

    /// <summary>Reads the header and opens (authenticates) the first chunk, so a damaged file fails before anything is sent.</summary>
    public static async Task<DecryptingStream> OpenAsync(Stream source, byte[] dataKey, CancellationToken ct)
    {
        var header = new byte[ChunkedEncryption.HeaderSize];
        if (await FillAsync(source, header, ct) != header.Length)
        {
            throw new DocumentIntegrityException("The stored file is truncated.");
        }

        var stream = new DecryptingStream(source, dataKey, header, ChunkedEncryption.ReadHeader(header));
        try
        {
            await stream.OpenNextChunkAsync(ct);
            return stream;
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (plainStart == plainEnd)
        {
            if (finalSeen)
            {
                return 0;
            }

            await OpenNextChunkAsync(cancellationToken);
        }

        var n = Math.Min(buffer.Length, plainEnd - plainStart);
        plain.AsSpan(plainStart, n).CopyTo(buffer.Span);
        plainStart += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    private async Task OpenNextChunkAsync(CancellationToken ct)
    {
        var length = 0;
        if (carried >= 0)
        {
            sealedChunk[0] = (byte)carried;
            length = 1;
            carried = -1;
        }

        length += await FillAsync(source, sealedChunk.AsMemory(length), ct);
        var final = length < sealedChunk.Length;
        if (!final)
        {
            // A full chunk is the last one only if nothing follows it.
            var probe = new byte[1];
            if (await source.ReadAsync(probe, ct) == 0)
            {
                final = true;
            }
            else
            {
                carried = probe[0];
            }
        }

        if (length < ChunkedEncryption.TagSize)
        {
            throw new DocumentIntegrityException("The stored file is truncated.");
        }

        var cipherLength = length - ChunkedEncryption.TagSize;
        var nonce = new byte[12];
        ChunkedEncryption.Nonce(header, index, nonce);
        try
        {
            aes.Decrypt(nonce, sealedChunk.AsSpan(0, cipherLength), sealedChunk.AsSpan(cipherLength, ChunkedEncryption.TagSize),
                plain.AsSpan(0, cipherLength), ChunkedEncryption.AssociatedData(header, index, final));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new DocumentIntegrityException("The stored file failed its integrity check (altered, truncated or under another key).");
        }

        plainStart = 0;
        plainEnd = cipherLength;
        finalSeen = final;
        index = checked(index + 1);
    }

    private static async Task<int> FillAsync(Stream source, Memory<byte> buffer, CancellationToken ct)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = await source.ReadAsync(buffer[total..], ct);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            aes.Dispose();
            source.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        aes.Dispose();
        await source.DisposeAsync();
        await base.DisposeAsync();
    }
}
