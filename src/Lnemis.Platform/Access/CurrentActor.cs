namespace Lnemis.Platform.Access;

/// <summary>
/// Who is acting in this unit of work (a request, a job, a CLI command): used by the audit log,
/// the scope filters and the idempotency store. Scoped per request.
/// </summary>
public sealed class CurrentActor
{
    private AccessScope access = AccessScope.System;

    public Guid? UserId { get; private set; }
    public string? Email { get; private set; }
    public string? ClientId { get; private set; }
    public string? RequestId { get; set; }

    /// <summary>The permission the current endpoint requires; scope filters use the paths granted for it.</summary>
    public string? ActivePermission { get; set; }

    /// <summary>Set by the idempotency middleware; the first save of the request records it in the same transaction.</summary>
    public string? IdempotencyKey { get; set; }
    public string? IdempotencyFingerprint { get; set; }
    public bool IdempotencyRecorded { get; set; }

    public AccessScope Access => access;

    public bool IsAuthenticated => UserId is not null || ClientId is not null;

    /// <summary>The key under which per-caller state (rate limits, idempotency keys) is kept.</summary>
    public string PartitionKey => UserId is { } u ? $"user:{u:N}" : ClientId is { } c ? $"client:{c}" : "anonymous";

    public void SetUser(Guid userId, string email, AccessScope scope)
    {
        UserId = userId;
        Email = email;
        ClientId = null;
        access = scope;
    }

    public void SetClient(string clientId, AccessScope scope)
    {
        ClientId = clientId;
        UserId = null;
        Email = null;
        access = scope;
    }

    public void SetAnonymous()
    {
        UserId = null;
        Email = null;
        ClientId = null;
        access = AccessScope.None;
    }

    public void SetSystem()
    {
        UserId = null;
        Email = null;
        ClientId = null;
        access = AccessScope.System;
    }

    internal bool ScopeUnrestricted => access.IsUnrestricted(ActivePermission);
    internal string[] ScopePaths => access.PathsFor(ActivePermission);
}
