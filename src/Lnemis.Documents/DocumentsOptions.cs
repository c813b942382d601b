namespace Lnemis.Documents;

/// <summary>Configuration of the Documents module, section "Lnemis:Documents" (env: Lnemis__Documents__...).</summary>
public sealed class DocumentsOptions
{
    public const string Section = "Lnemis:Documents";

    /// <summary>Local (a folder, the embedded default) or S3 (an S3-compatible bucket).</summary>
    public string Storage { get; set; } = "Local";

    /// <summary>Folder of the local backend; defaults to {DataDirectory}/documents.</summary>
    public string? LocalFolder { get; set; }

    public S3Options S3 { get; set; } = new();

    /// <summary>Largest file accepted, in bytes (keep at or below clamd's StreamMaxLength).</summary>
    public long MaxFileBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>File types accepted, by the names in <see cref="Safety.FileTypes"/>; the type is read from the content.</summary>
    public string[] AllowedTypes { get; set; } = ["pdf", "png", "jpeg", "gif", "docx", "xlsx", "pptx", "odt", "ods", "txt", "csv"];

    /// <summary>How long a download link works.</summary>
    public int LinkMinutes { get; set; } = 5;

    /// <summary>Key for signing download links (base64, 32 bytes or more); derived from the active master key when empty.</summary>
    public string? LinkSigningKey { get; set; }

    public EncryptionOptions Encryption { get; set; } = new();

    public ClamdOptions Clamd { get; set; } = new();

    public DirectUploadOptions DirectUploads { get; set; } = new();

    public DirectDownloadOptions DirectDownloads { get; set; } = new();
}

/// <summary>Uploads that go from the client straight to the bucket's quarantine prefix (S3 only; ADR 0021).</summary>
public sealed class DirectUploadOptions
{
    public bool Enabled { get; set; }

    /// <summary>How long the presigned PUT URL works.</summary>
    public int UrlMinutes { get; set; } = 10;

    /// <summary>An upload not completed this long after its URL was issued is swept (its quarantine object deleted).</summary>
    public int AbandonAfterMinutes { get; set; } = 60;

    /// <summary>Prefix of the quarantine keys in the bucket (give it a lifecycle rule, see the runbook).</summary>
    public string QuarantinePrefix { get; set; } = "quarantine/";
}

/// <summary>
/// Presigned S3 GETs for OFFICIAL documents, which are then stored with S3 server-side encryption
/// instead of the app's envelope encryption (needs S3:ServerSideEncryption; ADR 0021).
/// OFFICIAL-SENSITIVE documents always stay app-encrypted and stream through the app.
/// </summary>
public sealed class DirectDownloadOptions
{
    public bool Enabled { get; set; }

    /// <summary>How long a presigned GET URL works.</summary>
    public int UrlMinutes { get; set; } = 5;
}

public sealed class S3Options
{
    public string Bucket { get; set; } = "";
    public string Region { get; set; } = "us-east-1";

    /// <summary>Endpoint of an S3-compatible service (MinIO, Ceph, s3rver); empty means AWS.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Bucket in the path (http://host/bucket/key) rather than the host name; most S3-compatible services need it.</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>Static credentials; when empty the SDK's default chain (environment, instance role) is used.</summary>
    public string? AccessKey { get; set; }
    public string? SecretKey { get; set; }

    /// <summary>Seconds before a call to the service gives up (storage down answers 503 rather than hanging).</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>S3 server-side encryption for every object written: empty (none requested), "AES256" (SSE-S3) or "aws:kms" (SSE-KMS).</summary>
    public string? ServerSideEncryption { get; set; }

    /// <summary>The KMS key for "aws:kms"; empty means the bucket's default AWS-managed key.</summary>
    public string? KmsKeyId { get; set; }
}

public sealed class EncryptionOptions
{
    /// <summary>Id of the master key that wraps new data keys (and to which rotate-keys re-wraps).</summary>
    public string? ActiveKeyId { get; set; }

    /// <summary>Master keys by id, each 32 random bytes in base64. Keep retired keys until rotate-keys has run.</summary>
    public Dictionary<string, string> MasterKeys { get; set; } = [];
}

public sealed class ClamdOptions
{
    /// <summary>clamd's host; empty means files are not scanned (recorded as "NotScanned").</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 3310;
    public int TimeoutSeconds { get; set; } = 60;
}
