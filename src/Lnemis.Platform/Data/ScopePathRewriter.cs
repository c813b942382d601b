using Lnemis.Platform.Access;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Platform.Data;

/// <summary>
/// Moves a subtree of the scope hierarchy: every row of every table that carries a <c>ScopePath</c>
/// column (scoped records, role grants, API clients — whatever the modules add) and starts with
/// the old prefix gets the new one instead. Runs in the caller's
/// transaction, one set-based UPDATE per table; the hash-chained audit log keeps the paths it recorded.
/// </summary>
public static class ScopePathRewriter
{
    public static async Task<int> RewriteAsync(LnemisDbContext db, string oldPrefix, string newPrefix, CancellationToken ct)
    {
        if (!IsPath(oldPrefix) || !IsPath(newPrefix))
        {
            throw new ArgumentException("Scope paths start and end with '/' and hold only letters, digits and '/'.");
        }

        var rows = 0;
        foreach (var (table, column) in Columns(db))
        {
            // Table and column names come from the model, never from input; paths hold only letters,
            // digits and '/', so LIKE needs no escaping.
#pragma warning disable EF1002
            rows += await db.Database.ExecuteSqlRawAsync(
                $"UPDATE {table} SET {column} = {{0}} || substr({column}, {{1}}) WHERE {column} LIKE {{2}}",
                [newPrefix, oldPrefix.Length + 1, oldPrefix + "%"],
                ct);
#pragma warning restore EF1002
        }

        // Grants and API clients carry paths too: nodes must drop their copies of them. Written
        // before the caller commits, a copy loaded in between keeps the old paths for at most the
        // copy's lifetime, and an old path then covers nothing that was moved (ADR 0030).
        await AccessVersion.ChangedAsync(db, ct);

        return rows;
    }

    private static bool IsPath(string path) =>
        path.Length > 0 && path[0] == '/' && path[^1] == '/' && path.All(c => c == '/' || char.IsAsciiLetterOrDigit(c));

    private static IEnumerable<(string Table, string Column)> Columns(DbContext db)
    {
        foreach (var entity in db.Model.GetEntityTypes())
        {
            if (entity.FindProperty("ScopePath") is { } property && property.ClrType == typeof(string) && entity.GetTableName() is not null && !entity.IsOwned())
            {
                yield return (SqlNames.Table(db, entity), SqlNames.Column(db, property));
            }
        }
    }
}
