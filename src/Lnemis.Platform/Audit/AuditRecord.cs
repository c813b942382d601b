namespace Lnemis.Platform.Audit;

/// <summary>
/// One append-only entry of the audit log. Entries form a hash chain: each hash covers the
/// entry's content and the previous entry's hash, so editing or removing one is detectable.
/// </summary>
public sealed class AuditRecord
{
    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? UserId { get; set; }
    public string? Actor { get; set; }
    public string? RequestId { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? Changes { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}

/// <summary>The single row holding the end of the chain; writers lock it to append in order.</summary>
public sealed class AuditChainHead
{
    public int Id { get; set; }
    public long LastSequence { get; set; }
    public string LastHash { get; set; } = "";
}

/// <summary>An audit entry about to be appended, before it has a place in the chain.</summary>
public sealed record PendingAudit(string Action, string EntityType, string? EntityId, string? Changes);

public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Read = "read";
}
