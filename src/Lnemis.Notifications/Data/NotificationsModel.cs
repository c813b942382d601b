using Lnemis.Notifications.Domain;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Notifications.Data;

/// <summary>The Notifications module's tables, schema "notifications".</summary>
internal sealed class NotificationsModel : IModelContributor
{
    public const string Schema = "notifications";

    public void Configure(ModelBuilder model, DatabaseProvider provider)
    {
        model.Entity<NotificationTemplate>(e =>
        {
            e.ToModuleTable(Schema, "templates", provider);
            e.Property(t => t.Id).ValueGeneratedNever();
            e.Property(t => t.Event).HasMaxLength(100);
            e.Property(t => t.Channel).HasConversion<string>().HasMaxLength(10);
            e.Property(t => t.Subject).HasMaxLength(300);
            e.Property(t => t.Body).HasMaxLength(20000);
            e.HasIndex(t => new { t.Event, t.Channel, t.Version }).IsUnique();
        });

        model.Entity<NotificationRecord>(e =>
        {
            e.ToModuleTable(Schema, "requests", provider);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.Event).HasMaxLength(100);
            e.Property(r => r.Problem).HasMaxLength(1000);
        });

        model.Entity<Delivery>(e =>
        {
            e.ToModuleTable(Schema, "deliveries", provider);
            e.Property(d => d.Id).ValueGeneratedNever();
            e.Property(d => d.Event).HasMaxLength(100);
            e.Property(d => d.Channel).HasConversion<string>().HasMaxLength(10);
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(10);
            e.Property(d => d.Address).HasMaxLength(320);
            e.Property(d => d.Subject).HasMaxLength(300);
            e.Property(d => d.Body).HasMaxLength(20000);
            e.Property(d => d.LockedBy).HasMaxLength(200);
            e.Property(d => d.ProviderReference).HasMaxLength(200);
            e.Property(d => d.LastError).HasMaxLength(2000);
            e.HasIndex(d => new { d.RequestId, d.Channel, d.Address }).IsUnique();
            e.HasIndex(d => new { d.Status, d.NextAttemptAt });
            e.HasIndex(d => d.CreatedAt);
        });

        model.Entity<InAppNotification>(e =>
        {
            e.ToModuleTable(Schema, "in_app", provider);
            e.Property(n => n.Id).ValueGeneratedNever();
            e.Property(n => n.Event).HasMaxLength(100);
            e.Property(n => n.Title).HasMaxLength(300);
            e.Property(n => n.Body).HasMaxLength(4000);
            e.Property(n => n.Link).HasMaxLength(1000);
            e.HasIndex(n => new { n.RequestId, n.UserId }).IsUnique();
            e.HasIndex(n => new { n.UserId, n.CreatedAt });
            e.HasIndex(n => new { n.UserId, n.ReadAt });
        });

        model.Entity<NotificationPreference>(e =>
        {
            e.ToModuleTable(Schema, "preferences", provider);
            e.HasKey(p => p.UserId);
            e.Property(p => p.UserId).ValueGeneratedNever();
            e.Property(p => p.Disabled).HasMaxLength(8000);
        });

        model.Entity<DevMailboxMessage>(e =>
        {
            e.ToModuleTable(Schema, "dev_mailbox", provider);
            e.Property(m => m.Id).ValueGeneratedNever();
            e.Property(m => m.Channel).HasConversion<string>().HasMaxLength(10);
            e.Property(m => m.To).HasMaxLength(320);
            e.Property(m => m.Subject).HasMaxLength(300);
            e.Property(m => m.Body).HasMaxLength(20000);
            e.HasIndex(m => m.MessageId).IsUnique();
            e.HasIndex(m => m.CreatedAt);
        });
    }
}

internal static class NotificationsData
{
    public static DbSet<NotificationTemplate> NotificationTemplates(this DbContext db) => db.Set<NotificationTemplate>();

    public static DbSet<NotificationRecord> NotificationRecords(this DbContext db) => db.Set<NotificationRecord>();

    public static DbSet<Delivery> Deliveries(this DbContext db) => db.Set<Delivery>();

    public static DbSet<InAppNotification> InAppNotifications(this DbContext db) => db.Set<InAppNotification>();

    public static DbSet<NotificationPreference> NotificationPreferences(this DbContext db) => db.Set<NotificationPreference>();

    public static DbSet<DevMailboxMessage> DevMailbox(this DbContext db) => db.Set<DevMailboxMessage>();
}
