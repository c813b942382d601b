namespace Lnemis.Platform.Api;

/// <summary>
/// A POST that carried an Idempotency-Key. The row is written in the same transaction as the
/// request's changes, so a repeat finds it and gets the first answer instead of a second action.
/// </summary>
public sealed class IdempotencyRecord
{
    public Guid Id { get; set; }
    public required string Caller { get; set; }
    public required string Key { get; set; }
    public required string Fingerprint { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int? StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public byte[]? Body { get; set; }
}
