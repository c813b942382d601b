using System.Diagnostics;
using System.Globalization;
using Lnemis.Platform.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lnemis.Platform.Data;

/// <summary>
/// A secondary index or foreign key of a table as the database itself defines it: the statement
/// that drops it and the one that makes it again (<c>pg_get_indexdef</c>, <c>pg_get_constraintdef</c>),
/// so a rebuilt schema is exactly the migrated one.
/// </summary>
public sealed record SecondaryIndex(string Table, string Name, bool ForeignKey, string Drop, string Create);

/// <summary>
/// Reads and suspends the secondary indexes and foreign keys of tables about to receive a bulk
/// load (PostgreSQL): a sorted build after the load costs a fraction of keeping them up row by row.
/// The primary key, unique and check constraints stay (the load is still checked as it goes).
/// </summary>
public static class BulkIndexes
{
    /// <summary>
    /// Everything on <paramref name="tables"/> (names as <c>regclass</c> text) a bulk load may drop:
    /// the foreign keys, then the indexes that back no constraint. Drop in this order, create in reverse.
    /// </summary>
    public static async Task<List<SecondaryIndex>> ReadAsync(NpgsqlConnection connection, IReadOnlyList<string> tables, CancellationToken ct)
    {
        const string Sql = """
            SELECT conrelid::regclass::text, conname::text, true, format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname), format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
            FROM pg_constraint WHERE conrelid = ANY (SELECT t::regclass FROM unnest(@tables) AS t) AND contype = 'f'
            UNION ALL
            SELECT i.indrelid::regclass::text, i.indexrelid::regclass::text, false, format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
            FROM pg_index AS i WHERE i.indrelid = ANY (SELECT t::regclass FROM unnest(@tables) AS t) AND NOT EXISTS (SELECT 1 FROM pg_constraint AS k WHERE k.conindid = i.indexrelid)
            """;
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter("tables", tables.ToArray()));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<SecondaryIndex>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(new SecondaryIndex(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2), reader.GetString(3), reader.GetString(4)));
        }

        return list;
    }
}

/// <summary>
/// The secondary indexes and foreign keys of a seed's big tables, dropped for the load and made again
/// after it (<see cref="RestoreAsync"/>; <see cref="DisposeAsync"/> restores them when the load failed).
/// Only on PostgreSQL and only while every table is empty; otherwise it does nothing. The dropped
/// definitions are written to <c>lnemis_suspended_indexes</c> in the same transaction as the drops,
/// so a process killed mid-load leaves them behind and the next <c>seed</c> (<see cref="RestorePendingAsync"/>)
/// makes them again. Indexes are built on two connections in parallel (sorted builds with
/// <c>maintenance_work_mem</c> raised), the foreign keys after them on one (they lock the tables they
/// join), then the tables are analysed.
/// </summary>
public sealed class SuspendedIndexes : IAsyncDisposable
{
    public const string PendingTable = "lnemis_suspended_indexes";

    /// <summary>What each index-building session may sort in memory (unless the server's own setting is higher).</summary>
    public const int MaintenanceWorkMemMb = 512;

    private readonly LnemisDbContext db;
    private readonly TextWriter log;
    private readonly List<string> tables;
    private readonly IReadOnlyList<string> vacuumed;
    private List<SecondaryIndex>? dropped;

    private SuspendedIndexes(LnemisDbContext db, TextWriter log, List<string> tables, List<SecondaryIndex>? dropped, IReadOnlyList<string>? vacuumed = null)
    {
        this.db = db;
        this.log = log;
        this.tables = tables;
        this.dropped = dropped;
        this.vacuumed = vacuumed ?? [];
    }

    /// <summary>What was dropped (empty when nothing was: SQLite, or a table held rows).</summary>
    public IReadOnlyList<SecondaryIndex> Dropped => dropped ?? [];

    public static Task<SuspendedIndexes> SuspendAsync(LnemisDbContext db, IEnumerable<Type> entities, TextWriter log, CancellationToken ct) =>
        SuspendAsync(db, entities, [], log, ct);

    /// <summary>
    /// As above, with <paramref name="alsoTables"/>: tables outside the EF model that the load fills as well
    /// (through triggers, say), by their PostgreSQL names; after the load they are vacuumed as well as analysed.
    /// </summary>
    public static async Task<SuspendedIndexes> SuspendAsync(LnemisDbContext db, IEnumerable<Type> entities, IEnumerable<string> alsoTables, TextWriter log, CancellationToken ct)
    {
        var extra = alsoTables.ToList();
        var tables = entities.Select(t => SqlNames.Table(db, db.Model.FindEntityType(t) ?? throw new InvalidOperationException($"{t.Name} is not mapped."))).Concat(extra).ToList();
        if (db.Provider != DatabaseProvider.Postgres)
        {
            return new SuspendedIndexes(db, log, tables, null);
        }

        await RestorePendingAsync(db, log, ct);
        var connection = await OpenAsync(db, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var table in tables)
        {
#pragma warning disable EF1002 // Table names come from the model.
            if (await db.Database.SqlQueryRaw<bool>($"SELECT EXISTS (SELECT 1 FROM {table}) AS \"Value\"").SingleAsync(ct))
#pragma warning restore EF1002
            {
                await log.WriteLineAsync($"  {table} holds rows: its indexes are kept up during the load");
                return new SuspendedIndexes(db, log, tables, null);
            }
        }

        var list = await BulkIndexes.ReadAsync(connection, tables, ct);
        await using (var command = new NpgsqlCommand($"CREATE TABLE IF NOT EXISTS {PendingTable} (position integer NOT NULL, foreign_key boolean NOT NULL, statement text NOT NULL)", connection))
        {
            await command.ExecuteNonQueryAsync(ct);
        }

        for (var i = 0; i < list.Count; i++)
        {
            await using var insert = new NpgsqlCommand($"INSERT INTO {PendingTable} VALUES (@position, @foreign, @statement)", connection);
            insert.Parameters.AddWithValue("position", i);
            insert.Parameters.AddWithValue("foreign", list[i].ForeignKey);
            insert.Parameters.AddWithValue("statement", list[i].Create);
            await insert.ExecuteNonQueryAsync(ct);
        }

        if (list.Count > 0)
        {
            await using var drop = new NpgsqlCommand(string.Join("; ", list.Select(x => x.Drop)), connection);
            await drop.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  suspended {list.Count(x => !x.ForeignKey)} indexes and {list.Count(x => x.ForeignKey)} foreign keys of {tables.Count} tables for the load"));
        return new SuspendedIndexes(db, log, tables, list, extra);
    }

    /// <summary>Makes the indexes again, then analyses the tables. Prints what the rebuild took.</summary>
    public async Task RestoreAsync(CancellationToken ct)
    {
        if (dropped is null)
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        await RestorePendingAsync(db, log, ct);
        dropped = null;
        var connection = await OpenAsync(db, ct);
        foreach (var table in tables)
        {
            // Tables outside the model are index tables read by index-only scans: vacuumed, so the scans need not visit them.
            await using var analyze = new NpgsqlCommand((vacuumed.Contains(table) ? "VACUUM (ANALYZE) " : "ANALYZE ") + table, connection) { CommandTimeout = 0 };
            await analyze.ExecuteNonQueryAsync(ct);
        }

        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  rebuilt the indexes and foreign keys of {string.Join(", ", tables)} and analysed them in {watch.Elapsed.TotalSeconds:F1} s"));
    }

    /// <summary>Restores what a load left suspended (it failed, or its process was killed); nothing when nothing is pending.</summary>
    public static async Task RestorePendingAsync(LnemisDbContext db, TextWriter log, CancellationToken ct)
    {
        if (db.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        var connection = await OpenAsync(db, ct);
        var pending = new List<(bool ForeignKey, string Statement)>();
        await using (var exists = new NpgsqlCommand($"SELECT to_regclass('{PendingTable}') IS NOT NULL", connection))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(ct))!)
            {
                return;
            }
        }

        await using (var read = new NpgsqlCommand($"SELECT foreign_key, statement FROM {PendingTable} ORDER BY position DESC", connection))
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                pending.Add((reader.GetBoolean(0), reader.GetString(1)));
            }
        }

        // Indexes first, on two sessions; then the foreign keys (each reads its
        // table once, through the rebuilt indexes) on one: adding one locks both tables it joins.
        var indexes = new System.Collections.Concurrent.ConcurrentQueue<string>(pending.Where(p => !p.ForeignKey).Select(p => p.Statement));
        var connectionString = db.Database.GetConnectionString()!;
        var workers = Enumerable.Range(0, Math.Min(2, Math.Max(1, indexes.Count))).Select(async _ =>
        {
            await using var session = new NpgsqlConnection(connectionString);
            await session.OpenAsync(ct);
            await ExecuteAsync(session, RaiseMaintenanceMemory + "; SET max_parallel_maintenance_workers = 0", ct);
            while (indexes.TryDequeue(out var statement))
            {
                await ExecuteAsync(session, statement, ct);
            }
        }).ToList();
        await Task.WhenAll(workers);
        await ExecuteAsync(connection, RaiseMaintenanceMemory, ct);
        foreach (var (_, statement) in pending.Where(p => p.ForeignKey))
        {
            await ExecuteAsync(connection, statement, ct);
        }

        await ExecuteAsync(connection, $"DROP TABLE {PendingTable}", ct);
        if (pending.Count > 0)
        {
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  made {pending.Count} suspended indexes and foreign keys again"));
        }
    }

    /// <summary>A failed load still gets its indexes back (with the rows it managed to write).</summary>
    public async ValueTask DisposeAsync()
    {
        if (dropped is not null)
        {
            await RestoreAsync(CancellationToken.None);
        }
    }

    /// <summary>Raises the session's <c>maintenance_work_mem</c> to <see cref="MaintenanceWorkMemMb"/> unless it is higher already.</summary>
    private static readonly string RaiseMaintenanceMemory = string.Create(CultureInfo.InvariantCulture,
        $"SELECT set_config('maintenance_work_mem', (GREATEST(pg_size_bytes(current_setting('maintenance_work_mem')), {MaintenanceWorkMemMb}::bigint * 1024 * 1024) / 1024)::text || 'kB', false)");

    private static async Task<NpgsqlConnection> OpenAsync(LnemisDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        return (NpgsqlConnection)db.Database.GetDbConnection();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
#pragma warning disable CA2100 // Statements are the database's own definitions or fixed text.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(ct);
    }
}
