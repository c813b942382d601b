using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lnemis.Platform.Data;

/// <summary>
/// Adds to counters kept in rows keyed by their primary key (pre-aggregates): for each row,
/// <c>INSERT … ON CONFLICT (key) DO UPDATE SET count = count + excluded.count</c>, in the caller's
/// transaction. One atomic statement per row, so concurrent transactions adding to the same
/// counter never lose an update (PostgreSQL and SQLite ≥ 3.24 share the syntax). The parameters
/// are made by each column's EF type mapping, so keys are stored exactly as EF stores them.
/// </summary>
public static class CounterUpsert
{
    /// <summary>Adds each row's <paramref name="countProperty"/> to the stored row with its key; callers order rows by key so two transactions lock counters in one order.</summary>
    public static async Task AddAsync<T>(LnemisDbContext db, IEnumerable<T> rows, string countProperty, CancellationToken ct)
        where T : class
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Counters are changed inside the transaction of the change they count.");
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var columns = BulkInsert.ColumnsOf<T>(entity);
        var keyNames = entity.FindPrimaryKey()!.Properties.Select(p => SqlNames.Column(db, p)).ToList();
        var count = SqlNames.Column(db, entity.FindProperty(countProperty) ?? throw new InvalidOperationException($"{countProperty} is not a column of {typeof(T).Name}."));
        var names = columns.Select((_, i) => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
#pragma warning disable CA2100 // Table and column names come from the model; values are parameters.
        command.CommandText = $"""
            INSERT INTO {SqlNames.Table(db, entity)} AS t ({string.Join(", ", columns.Select(c => BulkInsert.Quote(c.Name)))})
            VALUES ({string.Join(", ", names)})
            ON CONFLICT ({string.Join(", ", keyNames)}) DO UPDATE SET {count} = t.{count} + excluded.{count}
            """;
#pragma warning restore CA2100
        foreach (var row in rows)
        {
            command.Parameters.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                var mapping = columns[i].Mapping ?? throw new InvalidOperationException("Counter rows hold plain columns only.");
                command.Parameters.Add(mapping.CreateParameter(command, names[i], columns[i].Value(row), nullable: true));
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
