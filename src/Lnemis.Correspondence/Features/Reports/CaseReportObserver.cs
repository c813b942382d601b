using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Features.Cases;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Reports;

/// <summary>
/// Keeps the case's report row in step with the case, in the transaction that appends each
/// history entry (so a report never shows a case in a state it has left), and the monthly
/// pre-aggregate with it: the row's count moves from its old bucket to its new one.
/// </summary>
internal sealed class CaseReportObserver(TimeProvider clock) : ICaseObserver
{
    public async Task OnAppendedAsync(LnemisDbContext db, Case c, CaseTransition entry, CancellationToken ct)
    {
        var rows = db.CaseReportRows();
        var row = rows.Local.FirstOrDefault(r => r.CaseId == c.Id);
        if (row is null && entry.Sequence > 1)
        {
            // The caller's scope filter must not hide the row of a case they may act on.
            row = await rows.IgnoreQueryFilters().FirstOrDefaultAsync(r => r.CaseId == c.Id, ct);
        }

        // The bucket the row was counted in (as last written in this transaction) and the one it moves to.
        var before = row is null ? null : CaseReportMonth.KeyOf(row);
        if (row is null)
        {
            row = CaseReportRow.For(c, clock.GetUtcNow());
            rows.Add(row);
        }
        else
        {
            row.CopyFrom(c, clock.GetUtcNow());
        }

        await CaseReportMonths.MoveAsync(db, before, CaseReportMonth.KeyOf(row), ct);
    }
}
