using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Lnemis.Platform.Documents;

namespace Lnemis.Documents.Storage;

/// <summary>
/// An S3-compatible bucket. Uploads stream in 5 MB parts (a multipart upload once a file passes one
/// part, a single PUT below), so memory stays at one part whatever the file; an upload that is not
/// committed is aborted and leaves no object. Reads stream the object's body.
/// </summary>
internal sealed class S3Storage(IAmazonS3 s3, S3Options options) : IBlobStorage, IPresigningStorage
{
    private readonly string bucket = options.Bucket;

    /// <summary>S3's smallest part (except the last).</summary>
    private const int PartSize = 5 * 1024 * 1024;

    public static IAmazonS3 CreateClient(S3Options options)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
            MaxErrorRetry = 2,
            // Plain checksums only: S3-compatible services do not all understand the SDK's trailing checksums.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (!string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        return string.IsNullOrEmpty(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }

    public bool ServerSideEncrypted => ServerSideEncryption is not null;

    public string? ServerSideEncryption => string.IsNullOrWhiteSpace(options.ServerSideEncryption) ? null : options.ServerSideEncryption;

    public Task<IBlobUpload> BeginUploadAsync(string key, CancellationToken ct) =>
        Task.FromResult<IBlobUpload>(new Upload(s3, bucket, key, Encryption).Start());

    public string PresignPut(string key, string contentType, long size, DateTimeOffset expires)
    {
        var request = Presign(key, HttpVerb.PUT, expires);
        request.ContentType = contentType;
        // Signed, so S3 refuses a body of any other length (the pipeline checks the size again anyway).
        request.Headers.ContentLength = size;
        return s3.GetPreSignedURL(request);
    }

    public string PresignGet(string key, string fileName, string contentType, DateTimeOffset expires)
    {
        var request = Presign(key, HttpVerb.GET, expires);
        request.ResponseHeaderOverrides.ContentType = contentType;
        request.ResponseHeaderOverrides.ContentDisposition = new System.Net.Mime.ContentDisposition { DispositionType = "attachment", FileName = fileName }.ToString();
        return s3.GetPreSignedURL(request);
    }

    public async Task<long?> SizeAsync(string key, CancellationToken ct)
    {
        try
        {
            var metadata = await Call(() => s3.GetObjectMetadataAsync(bucket, key, ct), "check", ct);
            return metadata.ContentLength;
        }
        catch (StorageUnavailableException ex) when (ex.InnerException is AmazonS3Exception { StatusCode: HttpStatusCode.NotFound })
        {
            return null;
        }
    }

    private GetPreSignedUrlRequest Presign(string key, HttpVerb verb, DateTimeOffset expires) => new()
    {
        BucketName = bucket,
        Key = key,
        Verb = verb,
        Expires = expires.UtcDateTime,
        Protocol = options.ServiceUrl?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true ? Protocol.HTTP : Protocol.HTTPS,
    };

    /// <summary>The server-side encryption every object is written with, when configured (on top of the app's own for encrypted versions).</summary>
    private (ServerSideEncryptionMethod? Method, string? KmsKeyId) Encryption =>
        ServerSideEncryption is { } method
            ? (Amazon.S3.ServerSideEncryptionMethod.FindValue(method), string.IsNullOrWhiteSpace(options.KmsKeyId) ? null : options.KmsKeyId)
            : (null, null);

    public async Task<Stream> OpenReadAsync(string key, CancellationToken ct)
    {
        var response = await Call(() => s3.GetObjectAsync(bucket, key, ct), "read", ct);
        return response.ResponseStream;
    }

    public Task DeleteAsync(string key, CancellationToken ct) =>
        Call(() => s3.DeleteObjectAsync(bucket, key, ct), "delete", ct);

    public async Task<bool> ExistsAsync(string key, CancellationToken ct) => await SizeAsync(key, ct) is not null;

    private static async Task<T> Call<T>(Func<Task<T>> call, string what, CancellationToken ct)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or HttpRequestException or IOException
                                       || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new StorageUnavailableException($"The document store could not {what} the file.", ex);
        }
    }

    private sealed class Upload(IAmazonS3 s3, string bucket, string key, (ServerSideEncryptionMethod? Method, string? KmsKeyId) sse) : IBlobUpload
    {
        private readonly PartStream parts = new();
        private readonly List<PartETag> etags = [];
        private string? uploadId;
        private bool committed;

        public Stream Content => parts;

        public async Task CommitAsync(CancellationToken ct)
        {
            if (uploadId is null)
            {
                parts.Buffer.Position = 0;
                await Call(() => s3.PutObjectAsync(new PutObjectRequest
                {
                    BucketName = bucket,
                    Key = key,
                    InputStream = parts.Buffer,
                    AutoCloseStream = false,
                    UseChunkEncoding = false,
                    ServerSideEncryptionMethod = sse.Method,
                    ServerSideEncryptionKeyManagementServiceKeyId = sse.KmsKeyId,
                }, ct), "store", ct);
            }
            else
            {
                await SendPartAsync(ct);
                await Call(() => s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = uploadId, PartETags = etags }, ct), "store", ct);
            }

            committed = true;
        }

        public async ValueTask DisposeAsync()
        {
            if (!committed && uploadId is not null)
            {
                try
                {
                    await s3.AbortMultipartUploadAsync(bucket, key, uploadId);
                }
                catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or HttpRequestException)
                {
                    // The bucket's lifecycle rule for incomplete uploads removes it (runbook); no object was ever visible.
                }
            }

            await parts.Buffer.DisposeAsync();
        }

        private async Task SendPartAsync(CancellationToken ct)
        {
            if (uploadId is null)
            {
                var started = await Call(() => s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
                {
                    BucketName = bucket,
                    Key = key,
                    ServerSideEncryptionMethod = sse.Method,
                    ServerSideEncryptionKeyManagementServiceKeyId = sse.KmsKeyId,
                }, ct), "store", ct);
                uploadId = started.UploadId;
            }

            parts.Buffer.Position = 0;
            var number = etags.Count + 1;
            var response = await Call(() => s3.UploadPartAsync(new UploadPartRequest
            {
                BucketName = bucket,
                Key = key,
                UploadId = uploadId,
                PartNumber = number,
                InputStream = parts.Buffer,
                PartSize = parts.Buffer.Length,
                UseChunkEncoding = false,
            }, ct), "store", ct);
            etags.Add(new PartETag(number, response.ETag));
            parts.Buffer.SetLength(0);
        }

        /// <summary>Collects one part; when it is full, the owner sends it before more is written.</summary>
        private sealed class PartStream : Stream
        {
            public Upload? Owner { get; set; }
            public MemoryStream Buffer { get; } = new();

            public override bool CanRead => false;
            public override bool CanSeek => false;
            public override bool CanWrite => true;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
            {
                while (buffer.Length > 0)
                {
                    if (Buffer.Length >= PartSize)
                    {
                        await Owner!.SendPartAsync(cancellationToken);
                    }

                    var n = (int)Math.Min(buffer.Length, PartSize - Buffer.Length);
                    await Buffer.WriteAsync(buffer[..n], cancellationToken);
                    buffer = buffer[n..];
                }
            }

            public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

            public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

            public override void Flush()
            {
            }

            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
        }

        internal Upload Start()
        {
            parts.Owner = this;
            return this;
        }
    }
}
