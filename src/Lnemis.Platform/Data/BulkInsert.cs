using System.Text.Json;
using Lnemis.Platform.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Lnemis.Platform.Data;

/// <summary>
/// Inserts many new rows of an entity inside the caller's transaction: binary COPY on PostgreSQL
/// (columns and conversions from the EF model, owned JSON values serialised as EF stores them),
/// prepared inserts on SQLite. Row-level audit is the caller's business (imports audit per batch).
/// </summary>
public static class BulkInsert
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

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var columns = ColumnsOf<T>(entity);
        foreach (var row in rows)
        {
            // As SaveChanges does for a new row: version 1 is the first an optimistic-concurrency check compares against.
            if (row is IVersioned { Version: 0 } versioned)
            {
                versioned.Version = 1;
            }
        }

        if (db.Provider == DatabaseProvider.Postgres)
        {
            await CopyAsync(db, entity, columns, rows, ct);
        }
        else
        {
            await InsertEachAsync(db, entity, columns, rows, ct);
        }
    }

    /// <summary>A column: its name, the row's model value, and how the provider stores it (null for an owned JSON value).</summary>
    internal sealed record Column<T>(string Name, Func<T, object?> Value, RelationalTypeMapping? Mapping);

    internal static List<Column<T>> ColumnsOf<T>(IEntityType entity)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = new List<Column<T>>();
        foreach (var property in entity.GetProperties())
        {
            if (property.GetComputedColumnSql() is not null)
            {
                continue; // the database computes it (a stored generated column such as a search vector)
            }

            var info = property.PropertyInfo ?? throw new InvalidOperationException($"{property.Name} has no CLR property.");
            columns.Add(new(property.GetColumnName(table)!, row => info.GetValue(row), (RelationalTypeMapping)property.GetTypeMapping()));
        }

        foreach (var navigation in entity.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && n.TargetEntityType.IsMappedToJson()))
        {
            var info = navigation.PropertyInfo!;
            columns.Add(new(navigation.TargetEntityType.GetContainerColumnName()!, row =>
            {
                var value = info.GetValue(row);
                return value is null ? null : JsonSerializer.Serialize(value, value.GetType());
            }, null));
        }

        return columns;
    }

    private static async Task CopyAsync<T>(LnemisDbContext db, IEntityType entity, List<Column<T>> columns, IReadOnlyList<T> rows, CancellationToken ct)
    {
        var jsonb = columns.Select(c => c.Mapping is null || string.Equals(c.Mapping.StoreType, "jsonb", StringComparison.OrdinalIgnoreCase)).ToArray();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var copy = $"COPY {SqlNames.Table(db, entity)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            for (var i = 0; i < columns.Count; i++)
            {
                var column = columns[i];
                var value = column.Value(row);
                if (value is not null && column.Mapping?.Converter is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }

                if (value is null)
                {
                    await importer.WriteNullAsync(ct);
                }
                else if (jsonb[i])
                {
                    await importer.WriteAsync(value, NpgsqlDbType.Jsonb, ct);
                }
                else
                {
                    await importer.WriteAsync(value, ct);
                }
            }
        }

        await importer.CompleteAsync(ct);
    }

    /// <summary>
    /// SQLite: one prepared INSERT run per row in the caller's transaction (or one of its own), the
    /// parameters made by each column's EF type mapping so values are stored exactly as EF stores them.
    /// Many times faster than change tracking, which dominated imports and seeding on SQLite.
    /// </summary>
    private static async Task InsertEachAsync<T>(LnemisDbContext db, IEntityType entity, List<Column<T>> columns, IReadOnlyList<T> rows, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            var names = columns.Select((_, i) => "$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
#pragma warning disable CA2100 // Table and column names come from the model; values are parameters.
            command.CommandText = $"INSERT INTO {SqlNames.Table(db, entity)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) VALUES ({string.Join(", ", names)})";
#pragma warning restore CA2100
            foreach (var row in rows)
            {
                command.Parameters.Clear();
                for (var i = 0; i < columns.Count; i++)
                {
                    var column = columns[i];
                    var value = column.Value(row);
                    if (column.Mapping is { } mapping)
                    {
                        command.Parameters.Add(mapping.CreateParameter(command, names[i], value, nullable: true));
                    }
                    else
                    {
                        var parameter = command.CreateParameter();
                        parameter.ParameterName = names[i];
                        parameter.Value = value ?? DBNull.Value;
                        command.Parameters.Add(parameter);
                    }
                }

                await command.ExecuteNonQueryAsync(ct);
            }

            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
