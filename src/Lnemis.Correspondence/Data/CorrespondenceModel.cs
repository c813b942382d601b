using System.Text.Json;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Features.Cases;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Data;

/// <summary>The Correspondence module's tables, schema "correspondence".</summary>
internal sealed class CorrespondenceModel : IModelContributor
{
    public const string Schema = "correspondence";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(ModelBuilder model, DatabaseProvider provider)
    {
        model.Entity<Team>(e =>
        {
            e.ToModuleTable(Schema, "teams", provider);
            e.Property(t => t.Id).ValueGeneratedNever();
            e.Property(t => t.Code).HasMaxLength(50);
            e.HasIndex(t => t.Code).IsUnique();
            e.Property(t => t.Name).HasMaxLength(200);
            e.Property(t => t.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(t => t.Role).HasConversion<string>().HasMaxLength(30);
            e.Property(t => t.ClearanceStep).HasMaxLength(50);
            e.Property(t => t.ScopePath).HasMaxLength(1000);
            e.HasIndex(t => t.ScopePath);
            e.HasIndex(t => t.ParentId);
            e.HasOne<Team>().WithMany().HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<TeamMember>(e =>
        {
            e.ToModuleTable(Schema, "team_members", provider);
            e.Property(m => m.Id).ValueGeneratedNever();
            e.Property(m => m.Role).HasConversion<string>().HasMaxLength(30);
            e.Property(m => m.ScopePath).HasMaxLength(1000);
            e.HasIndex(m => new { m.TeamId, m.UserId }).IsUnique();
            e.HasIndex(m => m.UserId);
            e.HasIndex(m => m.ScopePath);
            e.HasOne<Team>().WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<Case>(e =>
        {
            e.ToModuleTable(Schema, "cases", provider);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.Property(c => c.Number).HasMaxLength(20);
            e.HasIndex(c => c.Number).IsUnique();
            e.Property(c => c.Type).HasConversion<string>().HasMaxLength(40);
            e.Property(c => c.Subject).HasMaxLength(500);
            e.Property(c => c.RequesterName).HasMaxLength(200);
            e.Property(c => c.RequesterEmail).HasMaxLength(320);
            e.Property(c => c.State).HasMaxLength(50);
            e.Property(c => c.ResponseFileName).HasMaxLength(300);
            e.Property(c => c.InformationHeld).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.AppealOutcome).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.LateTeam).HasMaxLength(200);
            e.Property(c => c.DeletedReason).HasMaxLength(1000);
            e.Property(c => c.ScopePath).HasMaxLength(1000);
            // No index on the scope path alone: it holds a handful of business groups' paths, each a quarter
            // of the cases, and the planner ANDed its bitmap (250,000 entries) into lists that need a few
            // hundred rows (ADR 0033). Every list has its own index; the scope is checked on its entries.
            CaseListIndexes.Configure(e, provider);
            e.HasOne<Team>().WithMany().HasForeignKey(c => c.ManagingTeamId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Team>().WithMany().HasForeignKey(c => c.RespondingTeamId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<CaseTransition>(e =>
        {
            e.ToModuleTable(Schema, "case_transitions", provider);
            e.Property(t => t.Id).ValueGeneratedNever();
            e.Property(t => t.Event).HasMaxLength(50);
            e.Property(t => t.FromState).HasMaxLength(50);
            e.Property(t => t.ToState).HasMaxLength(50);
            e.Property(t => t.ActorRole).HasConversion<string>().HasMaxLength(30);
            e.Property(t => t.Message).HasMaxLength(4000);
            e.Property(t => t.FileName).HasMaxLength(300);
            e.Property(t => t.DeadlineChange).HasConversion(
                v => v == null ? null : JsonSerializer.Serialize(v, Json),
                v => v == null ? null : JsonSerializer.Deserialize<DeadlineChange>(v, Json)).HasMaxLength(2000);
            e.HasIndex(t => new { t.CaseId, t.Sequence }).IsUnique();
            e.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<CaseSearchDocument>(e =>
        {
            e.ToModuleTable(Schema, "case_search", provider);
            e.HasKey(d => d.CaseId);
            CaseListIndexes.ConfigureSearch(e, provider);
            e.HasOne<Case>().WithOne().HasForeignKey<CaseSearchDocument>(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<CaseNumberCounter>(e =>
        {
            e.ToModuleTable(Schema, "case_number_counters", provider);
            e.HasKey(c => c.Day);
        });

        ClockModel.Configure(model, provider);
        LetterModel.Configure(model, provider);
        // Case files: the Documents module holds the content; these rows say which case, what kind, and the latest version.
        model.Entity<CaseFile>(e =>
        {
            e.ToModuleTable(Schema, "case_files", provider);
            e.Property(f => f.Id).ValueGeneratedNever();
            e.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(f => f.FileName).HasMaxLength(300);
            e.Property(f => f.ContentType).HasMaxLength(200);
            e.Property(f => f.ScopePath).HasMaxLength(1000);
            e.HasIndex(f => new { f.CaseId, f.UploadedAt });
            e.HasIndex(f => f.DocumentId);
            e.HasIndex(f => f.ScopePath);
            e.HasOne<Case>().WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Restrict);
        });
        // Reports read model: one row per case, kept in step by CaseReportObserver (see Features/Reports).
        model.Entity<CaseReportRow>(e =>
        {
            e.ToModuleTable(Schema, "case_report_rows", provider);
            e.HasKey(r => r.CaseId);
            e.Property(r => r.Number).HasMaxLength(20);
            e.Property(r => r.Type).HasConversion<string>().HasMaxLength(40);
            e.Property(r => r.Timeliness).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.AppealOutcome).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.State).HasMaxLength(50);
            e.Property(r => r.LateTeam).HasMaxLength(200);
            e.Property(r => r.ScopePath).HasMaxLength(1000);
            e.HasIndex(r => r.ScopePath);
            e.HasIndex(r => new { r.ReceivedMonth, r.Type, r.TeamId });
            var openReceived = e.HasIndex(r => new { r.ReceivedOn, r.TeamId, r.Type }, "ix_case_report_rows_open_received").HasFilter("is_open");
            e.HasIndex(r => new { r.Type, r.AppealOutcome });
            if (provider == DatabaseProvider.Postgres)
            {
                // The ageing report reads every open case (100,000 of 1,000,000): with the scope and soft-delete
                // filters' columns in the index it reads no table page (94 ms → 35–46 ms at 1,000,000 cases, ADR 0033).
                openReceived.IncludeProperties(r => new { r.ScopePath, r.DeletedAt });
            }
        });

        model.Entity<CaseReportMonth>(e =>
        {
            e.ToModuleTable(Schema, "case_report_months", provider);
            e.HasKey(m => new { m.ReceivedMonth, m.Type, m.TeamId, m.ManagingTeamId, m.Timeliness, m.AppealResult, m.ScopePath });
            e.Property(m => m.Type).HasConversion<string>().HasMaxLength(40);
            e.Property(m => m.Timeliness).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.AppealResult).HasMaxLength(20);
            e.Property(m => m.ScopePath).HasMaxLength(1000);
        });

        model.Entity<RetentionRule>(e =>
        {
            e.ToModuleTable(Schema, "retention_rules", provider);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.Type).HasConversion<string>().HasMaxLength(40);
            e.HasIndex(r => r.Type).IsUnique();
            e.Property(r => r.Action).HasConversion<string>().HasMaxLength(20);
        });

        model.Entity<CaseRetention>(e =>
        {
            e.ToModuleTable(Schema, "case_retention", provider);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.Number).HasMaxLength(20);
            e.HasIndex(r => r.Number).IsUnique();
            e.Property(r => r.Type).HasConversion<string>().HasMaxLength(40);
            e.Property(r => r.Action).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.HoldReason).HasMaxLength(1000);
            e.Property(r => r.DisposalReason).HasMaxLength(1000);
            e.Property(r => r.ScopePath).HasMaxLength(1000);
            e.HasIndex(r => r.ScopePath);
            e.HasIndex(r => new { r.DueOn, r.Number });
        });

        model.Entity<TeamReassignment>(e =>
        {
            e.ToModuleTable(Schema, "team_reassignments", provider);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.Reason).HasMaxLength(1000);
            e.Property(r => r.ScopePath).HasMaxLength(1000);
            e.HasIndex(r => r.ScopePath);
            e.HasIndex(r => r.StartedAt);
        });
    }
}

internal static class CorrespondenceData
{
    public static DbSet<Team> Teams(this LnemisDbContext db) => db.Set<Team>();

    public static DbSet<TeamMember> TeamMembers(this LnemisDbContext db) => db.Set<TeamMember>();

    public static DbSet<Case> Cases(this LnemisDbContext db) => db.Set<Case>();

    public static DbSet<CaseTransition> CaseTransitions(this LnemisDbContext db) => db.Set<CaseTransition>();

    public static DbSet<CaseReportRow> CaseReportRows(this LnemisDbContext db) => db.Set<CaseReportRow>();

    public static DbSet<CaseReportMonth> CaseReportMonths(this LnemisDbContext db) => db.Set<CaseReportMonth>();

    public static DbSet<RetentionRule> RetentionRules(this LnemisDbContext db) => db.Set<RetentionRule>();

    public static DbSet<CaseRetention> CaseRetentions(this LnemisDbContext db) => db.Set<CaseRetention>();

    public static DbSet<TeamReassignment> TeamReassignments(this LnemisDbContext db) => db.Set<TeamReassignment>();
    public static DbSet<CaseFile> CaseFiles(this LnemisDbContext db) => db.Set<CaseFile>();
}
