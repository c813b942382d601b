using Lnemis.Identity.Domain;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Identity.Data;

/// <summary>The Identity module's tables, schema "identity".</summary>
internal sealed class IdentityModel : IModelContributor
{
    public const string Schema = "identity";

    public void Configure(ModelBuilder model, DatabaseProvider provider)
    {
        model.Entity<User>(e =>
        {
            e.ToModuleTable(Schema, "users", provider);
            e.Property(u => u.Id).ValueGeneratedNever();
            e.Property(u => u.Email).HasMaxLength(320);
            e.Property(u => u.NormalizedEmail).HasMaxLength(320);
            e.HasIndex(u => u.NormalizedEmail).IsUnique();
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.PhoneNumber).HasMaxLength(16);
            e.Property(u => u.HomePath).HasMaxLength(1000);
            e.HasIndex(u => u.HomePath);
            e.Property(u => u.PasswordHash).HasMaxLength(200);
            e.Property(u => u.MfaSecret).HasMaxLength(1000);
            e.Property(u => u.MfaPendingSecret).HasMaxLength(1000);
            e.HasMany(u => u.Grants).WithOne().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<RoleGrant>(e =>
        {
            e.ToModuleTable(Schema, "role_grants", provider);
            e.Property(g => g.Id).ValueGeneratedNever();
            e.Property(g => g.Role).HasMaxLength(64);
            e.Property(g => g.ScopeKind).HasConversion<string>().HasMaxLength(32);
            e.Property(g => g.ScopePath).HasMaxLength(1000);
            e.Property(g => g.ScopeName).HasMaxLength(300);
            e.HasIndex(g => new { g.UserId, g.Role, g.ScopePath }).IsUnique();
            e.HasIndex(g => g.ScopePath);
        });

        model.Entity<RecoveryCode>(e =>
        {
            e.ToModuleTable(Schema, "recovery_codes", provider);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.Property(c => c.CodeHash).HasMaxLength(64);
            e.HasIndex(c => c.UserId);
            e.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<UserSession>(e =>
        {
            e.ToModuleTable(Schema, "sessions", provider);
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.Stage).HasMaxLength(16);
            e.Property(s => s.IpAddress).HasMaxLength(64);
            e.Property(s => s.UserAgent).HasMaxLength(500);
            e.HasIndex(s => s.UserId);
            e.HasIndex(s => s.ExpiresAt);
            e.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<AccessToken>(e =>
        {
            e.ToModuleTable(Schema, "access_tokens", provider);
            e.Property(t => t.Id).ValueGeneratedNever();
            e.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(t => t.Name).HasMaxLength(200);
            e.Property(t => t.TokenHash).HasMaxLength(64);
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.Property(t => t.Prefix).HasMaxLength(16);
            e.Property(t => t.Scopes).HasMaxLength(2000);
            e.HasIndex(t => t.UserId);
            e.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ApiClient>().WithMany().HasForeignKey(t => t.ApiClientId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<ApiClient>(e =>
        {
            e.ToModuleTable(Schema, "api_clients", provider);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.Property(c => c.ClientId).HasMaxLength(100);
            e.HasIndex(c => c.ClientId).IsUnique();
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.SecretHash).HasMaxLength(200);
            e.Property(c => c.AllowedScopes).HasMaxLength(2000);
            e.Property(c => c.ScopePath).HasMaxLength(1000);
            e.Property(c => c.ScopeName).HasMaxLength(300);
        });
    }
}

internal static class IdentityData
{
    public static DbSet<User> Users(this LnemisDbContext db) => db.Set<User>();
    public static DbSet<RoleGrant> RoleGrants(this LnemisDbContext db) => db.Set<RoleGrant>();
    public static DbSet<RecoveryCode> RecoveryCodes(this LnemisDbContext db) => db.Set<RecoveryCode>();
    public static DbSet<UserSession> Sessions(this LnemisDbContext db) => db.Set<UserSession>();
    public static DbSet<AccessToken> AccessTokens(this LnemisDbContext db) => db.Set<AccessToken>();
    public static DbSet<ApiClient> ApiClients(this LnemisDbContext db) => db.Set<ApiClient>();
}
