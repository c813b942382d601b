using Lnemis.Platform.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Lnemis.Platform.Api;

/// <summary>
/// Refuses API bodies over the configured size with 413, whatever the server (Kestrel's own limit
/// also applies in production; this one also holds behind proxies and in the test host).
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<LnemisOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.Api.MaxRequestBodyBytes;
        if (context.Request.Path.StartsWithSegments("/api")
            && context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is null)
        {
            if (context.Request.ContentLength > limit)
            {
                throw new BadHttpRequestException($"The body may be at most {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }

            if (context.Request.ContentLength is null && context.Request.Body.CanRead)
            {
                context.Request.Body = new LimitedStream(context.Request.Body, limit);
            }
        }

        await next(context);
    }

    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Count(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken));

        private int Count(int n)
        {
            read += n;
            return read > limit
                ? throw new BadHttpRequestException($"The body may be at most {limit} bytes.", StatusCodes.Status413PayloadTooLarge)
                : n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
