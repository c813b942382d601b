using System.Text.Json;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace Lnemis.Institutions.Features.Imports;

/// <summary>
/// Inserts many new rows of an entity inside the caller's transaction: binary COPY on PostgreSQL
/// (columns and conversions from the EF model, owned JSON values serialised as EF stores them),
/// batched EF inserts on SQLite. Row-level audit is the caller's business (imports audit per batch).
/// </summary>
internal static class BulkInsert
{
    /// <summary>
    /// Refreshes the planner's statistics of an entity's table (PostgreSQL; nothing on SQLite). A bulk
    /// load grows a table faster than autovacuum notices — and inside the load's own transaction it
    /// cannot notice at all — so lookups planned for the empty table scan the whole of it. ANALYZE
    /// counts the transaction's own new rows; without the right to analyze PostgreSQL just warns.
    /// </summary>
    public static async Task AnalyzeAsync<T>(LnemisDbContext db, CancellationToken ct)
        where T : class
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            var table = SqlNames.Table(db, db.Model.FindEntityType(typeof(T))!);
#pragma warning disable EF1002 // The table name comes from the model.
            await db.Database.ExecuteSqlRawAsync($"ANALYZE {table}", ct);
#pragma warning restore EF1002
        }
    }

    public static async Task InsertAsync<T>(LnemisDbContext db, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (db.Provider != DatabaseProvider.Postgres)
        {
            var suppressed = db.RowAuditSuppressed;
            db.RowAuditSuppressed = true;
            try
            {
                db.Set<T>().AddRange(rows);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            finally
            {
                db.RowAuditSuppressed = suppressed;
            }

            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = new List<(string Name, Func<T, object?> Value, NpgsqlDbType? Type)>();
        foreach (var property in entity.GetProperties())
        {
            var converter = property.GetTypeMapping().Converter;
            var info = property.PropertyInfo ?? throw new InvalidOperationException($"{property.Name} has no CLR property.");
            var jsonb = string.Equals(property.GetColumnType(), "jsonb", StringComparison.OrdinalIgnoreCase);
            columns.Add((property.GetColumnName(table)!, row =>
            {
                var value = info.GetValue(row);
                return value is null ? null : converter is null ? value : converter.ConvertToProvider(value);
            }, jsonb ? NpgsqlDbType.Jsonb : null));
        }

        foreach (var navigation in entity.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && n.TargetEntityType.IsMappedToJson()))
        {
            var info = navigation.PropertyInfo!;
            columns.Add((navigation.TargetEntityType.GetContainerColumnName()!, row =>
            {
                var value = info.GetValue(row);
                return value is null ? null : JsonSerializer.Serialize(value, value.GetType());
            }, NpgsqlDbType.Jsonb));
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var copy = $"COPY {SqlNames.Table(db, entity)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var (_, value, type) in columns)
            {
                var v = value(row);
                if (v is null)
                {
                    await importer.WriteNullAsync(ct);
                }
                else if (type is { } t)
                {
                    await importer.WriteAsync(v, t, ct);
                }
                else
                {
                    await importer.WriteAsync(v, ct);
                }
            }
        }

        await importer.CompleteAsync(ct);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
