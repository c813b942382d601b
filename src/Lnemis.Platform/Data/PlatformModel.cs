using Lnemis.Platform.Api;
using Lnemis.Platform.Audit;
using Lnemis.Platform.Hosting;
using Lnemis.Platform.Jobs;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Platform.Data;

/// <summary>The platform's own tables (schema "platform"): audit log, jobs/outbox, idempotency, keys.</summary>
internal static class PlatformModel
{
    public const string Schema = "platform";

    public static void Configure(ModelBuilder model, DatabaseProvider provider)
    {
        model.Entity<AuditRecord>(e =>
        {
            e.ToModuleTable(Schema, "audit_log", provider);
            e.HasKey(r => r.Sequence);
            e.Property(r => r.Sequence).ValueGeneratedNever();
            e.Property(r => r.Action).HasMaxLength(64);
            e.Property(r => r.EntityType).HasMaxLength(128);
            e.Property(r => r.EntityId).HasMaxLength(128);
            e.Property(r => r.Actor).HasMaxLength(320);
            e.Property(r => r.RequestId).HasMaxLength(128);
            e.Property(r => r.PreviousHash).HasMaxLength(64);
            e.Property(r => r.Hash).HasMaxLength(64);
            e.HasIndex(r => new { r.EntityType, r.EntityId });
            e.HasIndex(r => r.UserId);
        });

        model.Entity<AuditChainHead>(e =>
        {
            e.ToModuleTable(Schema, "audit_chain", provider);
            e.Property(h => h.Id).ValueGeneratedNever();
            e.Property(h => h.LastHash).HasMaxLength(64);
            e.HasData(new AuditChainHead { Id = 1, LastSequence = 0, LastHash = "" });
        });

        model.Entity<Job>(e =>
        {
            e.ToModuleTable(Schema, "jobs", provider);
            e.Property(j => j.Id).ValueGeneratedNever();
            e.Property(j => j.Type).HasMaxLength(200);
            e.Property(j => j.LockedBy).HasMaxLength(100);
            e.HasIndex(j => new { j.State, j.RunAt });
        });

        model.Entity<IdempotencyRecord>(e =>
        {
            e.ToModuleTable(Schema, "idempotency_keys", provider);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.Caller).HasMaxLength(100);
            e.Property(r => r.Key).HasMaxLength(200);
            e.Property(r => r.Fingerprint).HasMaxLength(64);
            e.Property(r => r.ContentType).HasMaxLength(200);
            e.Property(r => r.Location).HasMaxLength(2000);
            e.HasIndex(r => new { r.Caller, r.Key }).IsUnique();
            e.HasIndex(r => r.CreatedAt);
        });

        model.Entity<DataProtectionKey>(e => e.ToModuleTable(Schema, "data_protection_keys", provider));
    }
}
