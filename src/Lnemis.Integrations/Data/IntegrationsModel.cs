using Lnemis.Integrations.Domain;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Integrations.Data;

/// <summary>The Integrations module's tables, schema "integrations".</summary>
internal sealed class IntegrationsModel : IModelContributor
{
    public const string Schema = "integrations";

    public void Configure(ModelBuilder model, DatabaseProvider provider)
    {
        model.Entity<WebhookSubscription>(e =>
        {
            e.ToModuleTable(Schema, "webhook_subscriptions", provider);
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.Name).HasMaxLength(200);
            e.Property(s => s.Description).HasMaxLength(1000);
            e.Property(s => s.Url).HasMaxLength(2000);
            e.Property(s => s.EventTypes).HasMaxLength(2000);
            e.Property(s => s.ScopePath).HasMaxLength(1000);
            e.Property(s => s.SecretProtected).HasMaxLength(1000);
            e.Property(s => s.DisabledReason).HasMaxLength(2000);
            e.Property(s => s.CreatedBy).HasMaxLength(320);
            e.Ignore(s => s.EventTypeList);
            e.HasIndex(s => s.ScopePath);
        });

        model.Entity<WebhookDelivery>(e =>
        {
            e.ToModuleTable(Schema, "webhook_deliveries", provider);
            e.Property(d => d.Id).ValueGeneratedNever();
            e.Property(d => d.EventType).HasMaxLength(100);
            e.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.LastError).HasMaxLength(2000);
            e.HasIndex(d => new { d.SubscriptionId, d.EventId }).IsUnique();
            e.HasIndex(d => new { d.SubscriptionId, d.CreatedAt });
            e.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<Payment>(e =>
        {
            e.ToModuleTable(Schema, "payments", provider);
            e.Property(p => p.Id).ValueGeneratedNever();
            e.Property(p => p.Purpose).HasConversion<string>().HasMaxLength(30);
            e.Property(p => p.Method).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.Currency).HasMaxLength(3);
            e.Property(p => p.PayerReference).HasMaxLength(100);
            e.Property(p => p.PayerPhone).HasMaxLength(30);
            e.Property(p => p.Description).HasMaxLength(500);
            e.Property(p => p.GatewayReference).HasMaxLength(200);
            e.Property(p => p.RedirectUrl).HasMaxLength(2000);
            e.Property(p => p.FailureReason).HasMaxLength(1000);
            e.Property(p => p.ScopePath).HasMaxLength(1000);
            e.Property(p => p.CreatedBy).HasMaxLength(320);
            e.Ignore(p => p.IsFinal);
            e.HasIndex(p => p.GatewayReference).IsUnique();
            e.HasIndex(p => p.ScopePath);
            e.HasIndex(p => new { p.State, p.UpdatedAt });
        });

        model.Entity<IdentityVerification>(e =>
        {
            e.ToModuleTable(Schema, "identity_verifications", provider);
            e.Property(v => v.Id).ValueGeneratedNever();
            e.Property(v => v.SubjectKind).HasMaxLength(20);
            e.Property(v => v.Result).HasConversion<string>().HasMaxLength(20);
            e.Property(v => v.Reason).HasMaxLength(1000);
            e.Property(v => v.NationalIdHint).HasMaxLength(10);
            e.Property(v => v.ScopePath).HasMaxLength(1000);
            e.Property(v => v.CheckedBy).HasMaxLength(320);
            e.HasIndex(v => new { v.SubjectId, v.CheckedAt });
            e.HasIndex(v => v.ScopePath);
        });
    }
}

internal static class IntegrationsData
{
    public static DbSet<WebhookSubscription> WebhookSubscriptions(this LnemisDbContext db) => db.Set<WebhookSubscription>();

    public static DbSet<WebhookDelivery> WebhookDeliveries(this LnemisDbContext db) => db.Set<WebhookDelivery>();

    public static DbSet<Payment> Payments(this LnemisDbContext db) => db.Set<Payment>();

    public static DbSet<IdentityVerification> IdentityVerifications(this LnemisDbContext db) => db.Set<IdentityVerification>();
}
