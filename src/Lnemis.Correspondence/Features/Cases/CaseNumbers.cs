using Lnemis.Correspondence.Domain;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Cases;

/// <summary>
/// Hands out case numbers: one counter row per received day, bumped by a single upsert inside the
/// caller's transaction. The row stays locked until that transaction ends, so simultaneous cases
/// of the same day queue for it and never share or skip a number that commits.
/// </summary>
internal static class CaseNumbers
{
    public static async Task<string> NextAsync(LnemisDbContext db, DateOnly receivedOn, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Case numbers are allocated inside the transaction that saves the case.");
        }

        var entity = db.Model.FindEntityType(typeof(CaseNumberCounter))!;
        var table = SqlNames.Table(db, entity);
        var day = SqlNames.Column(db, entity.FindProperty(nameof(CaseNumberCounter.Day))!);
        var last = SqlNames.Column(db, entity.FindProperty(nameof(CaseNumberCounter.LastSequence))!);
        var postgres = db.Provider == DatabaseProvider.Postgres;
        var sql = $"INSERT INTO {table}{(postgres ? " AS counter" : "")} ({day}, {last}) VALUES ({{0}}, 1) "
            + $"ON CONFLICT ({day}) DO UPDATE SET {last} = {(postgres ? "counter." : "")}{last} + 1 RETURNING {last} AS \"Value\"";
        var sequence = (await db.Database.SqlQueryRaw<int>(sql, receivedOn).ToListAsync(ct)).Single();
        return CaseNumber.Format(receivedOn, sequence);
    }
}
