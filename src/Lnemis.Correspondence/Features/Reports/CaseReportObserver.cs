using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Features.Cases;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Reports;

/// <summary>
/// Keeps the case's report row in step with the case, in the transaction that appends each
/// history entry (so a report never shows a case in a state it has left).
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

        if (row is null)
        {
            rows.Add(CaseReportRow.For(c, clock.GetUtcNow()));
        }
        else
        {
            row.CopyFrom(c, clock.GetUtcNow());
        }
    }
}
