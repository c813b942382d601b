using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Features.Cases;
using Lnemis.Platform.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace Lnemis.Correspondence.Data;

/// <summary>
/// Indexes that serve the case lists' order (final deadline, then number) under each list's
/// filter, so a page is the first rows met walking an index rather than a sort of every match
/// (ADR 0009, ADR 0011). The "open" ones are partial on cases not closed: the lists people work
/// from all day are a small slice of a million cases, most of them closed.
/// </summary>
internal static class CaseListIndexes
{
    public const string Live = "deleted_at IS NULL";
    public const string Open = "deleted_at IS NULL AND state <> 'closed'";

    public static void Configure(EntityTypeBuilder<Case> e, DatabaseProvider provider)
    {
        // Every list (all, closed, a deadline window), and the open lists.
        e.HasIndex(c => new { c.FinalDeadline, c.Number }, "ix_cases_deadline").HasFilter(Live);
        e.HasIndex(c => new { c.FinalDeadline, c.Number }, "ix_cases_open_deadline").HasFilter(Open);

        // My cases and my open cases (in time / late is a deadline range on the same order).
        e.HasIndex(c => new { c.ResponderId, c.FinalDeadline, c.Number }, "ix_cases_responder_deadline").HasFilter(Live);
        var mineOpen = e.HasIndex(c => new { c.ResponderId, c.FinalDeadline, c.Number }, "ix_cases_responder_open_deadline").HasFilter(Open);

        // Team lists (also the foreign keys' indexes).
        e.HasIndex(c => new { c.ManagingTeamId, c.FinalDeadline, c.Number }, "ix_cases_managing_team_deadline");
        e.HasIndex(c => new { c.RespondingTeamId, c.FinalDeadline, c.Number }, "ix_cases_responding_team_deadline");
        e.HasIndex(c => new { c.ManagingTeamId, c.FinalDeadline, c.Number }, "ix_cases_managing_team_open_deadline").HasFilter(Open);
        e.HasIndex(c => new { c.RespondingTeamId, c.FinalDeadline, c.Number }, "ix_cases_responding_team_open_deadline").HasFilter(Open);

        // Incoming for approvers (pending_<step> states) and the closed list.
        var byState = e.HasIndex(c => new { c.State, c.FinalDeadline, c.Number }, "ix_cases_state_deadline").HasFilter(Live);
        if (provider == DatabaseProvider.Postgres)
        {
            // What the capped counts check besides the key (the caller's scope; in time or late), so a count
            // of a thousand reads a thousand index entries and no table page: a responder's open cases lie
            // scattered over the table, one page each (measured at 1,000,000 cases, ADR 0033).
            mineOpen.IncludeProperties(c => new { c.ScopePath, c.RespondedOn });
            byState.IncludeProperties(c => new { c.ScopePath });
        }
    }

    public static void ConfigureSearch(EntityTypeBuilder<CaseSearchDocument> e, DatabaseProvider provider)
    {
        e.Property(d => d.CaseWords).HasMaxLength(4000);
        if (provider != DatabaseProvider.Postgres)
        {
            return;
        }

        // A stored tsvector computed by the database from both word lists and the scope keys, with a GIN
        // index: the row is written in the case's transaction, so the index is never behind the case.
        e.Property<NpgsqlTsVector>(CaseSearch.VectorColumn)
            .HasComputedColumnSql(CaseSearch.VectorSql("case_words", "history_words", "scope_keys"), stored: true);
        e.HasIndex(CaseSearch.VectorColumn).HasMethod("gin");
    }
}
