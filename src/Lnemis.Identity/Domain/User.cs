using Lnemis.Platform.Access;
using Lnemis.Platform.Data;

namespace Lnemis.Identity.Domain;

/// <summary>A person who signs in. Access comes only from <see cref="RoleGrant"/>s.</summary>
public sealed class User : IAudited, IVersioned
{
    public Guid Id { get; set; }
    public required string Email { get; set; }
    public required string NormalizedEmail { get; set; }
    public required string DisplayName { get; set; }

    /// <summary>For SMS notifications, in E.164 form (+254712345678); optional.</summary>
    public string? PhoneNumber { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>The place of the administrator who created the user; scoped administrators see users placed or granted under their scope.</summary>
    public string HomePath { get; set; } = AccessScope.CountryPath;

    [NotAudited] public string PasswordHash { get; set; } = "";
    [NotAudited] public int FailedAttempts { get; set; }
    [NotAudited] public DateTimeOffset? LockedUntil { get; set; }
    public bool MfaEnabled { get; set; }
    [NotAudited] public string? MfaSecret { get; set; }
    [NotAudited] public string? MfaPendingSecret { get; set; }
    [NotAudited] public long LastTotpStep { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    [NotAudited] public DateTimeOffset? LastSignInAt { get; set; }
    public long Version { get; set; }

    public List<RoleGrant> Grants { get; set; } = [];

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>Counts a failed password or code; locks the account for a while at the threshold.</summary>
    public void RegisterFailure(DateTimeOffset now, int threshold, TimeSpan lockout)
    {
        FailedAttempts++;
        if (FailedAttempts >= threshold)
        {
            LockedUntil = now + lockout;
            FailedAttempts = 0;
        }
    }
}

/// <summary>A role held at a place in the scope tree.</summary>
public sealed class RoleGrant : IAudited
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Role { get; set; }
    public ScopeKind ScopeKind { get; set; }
    public Guid? ScopeId { get; set; }
    public required string ScopePath { get; set; }
    public required string ScopeName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? GrantedBy { get; set; }
}

/// <summary>A one-time code to sign in when the authenticator is lost; only its hash is kept.</summary>
public sealed class RecoveryCode
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string CodeHash { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}

public static class SessionStage
{
    /// <summary>Signed in fully.</summary>
    public const string Full = "full";

    /// <summary>Password accepted; a TOTP or recovery code is still due.</summary>
    public const string MfaPending = "mfa";

    /// <summary>Password accepted, but the user's role requires MFA they have not set up: only enrolment is allowed.</summary>
    public const string Enrolment = "enrol";
}

/// <summary>A browser session. The cookie names it; revoking it signs that browser out at its next request.</summary>
public sealed class UserSession
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Stage { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
}

public enum TokenKind
{
    Personal,
    Client,
}

/// <summary>A bearer token: a person's personal access token, or one issued to an API client. Only its hash is kept.</summary>
public sealed class AccessToken
{
    public Guid Id { get; set; }
    public TokenKind Kind { get; set; }
    public Guid? UserId { get; set; }
    public Guid? ApiClientId { get; set; }
    public required string Name { get; set; }
    public required string TokenHash { get; set; }
    public required string Prefix { get; set; }
    public string? Scopes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}

/// <summary>A machine client using OAuth2 client credentials, limited to some permissions at one place.</summary>
public sealed class ApiClient : IAudited, IVersioned
{
    public Guid Id { get; set; }
    public required string ClientId { get; set; }
    public required string Name { get; set; }
    [NotAudited] public string SecretHash { get; set; } = "";
    public required string AllowedScopes { get; set; }
    public required string ScopePath { get; set; }
    public required string ScopeName { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public long Version { get; set; }
}
