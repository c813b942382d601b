namespace Lnemis.Institutions.Features.Imports;

/// <summary>Configuration of imports, section "Lnemis:Imports" (env: Lnemis__Imports__...).</summary>
public sealed class ImportOptions
{
    public const string Section = "Lnemis:Imports";

    /// <summary>
    /// PostgreSQL: a learner import that adds at least this many learners, and at least as many as
    /// the table already holds, drops the learners' secondary indexes and foreign keys inside its
    /// transaction and rebuilds them after the insert (ADR 0024). The rebuild locks the learners
    /// table against readers until the import commits; 0 turns it off.
    /// </summary>
    public int RebuildLearnerIndexesFromRows { get; set; } = 100_000;
}
