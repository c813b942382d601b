using Lnemis.Institutions.Data;
using Lnemis.Platform.Data;
using Lnemis.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Institutions;

/// <summary>
/// An institution moved to another area (by the form or an import): its scope path is the area's path
/// and its id, and every record scoped to the school carries that path — learners, staff, postings,
/// enrolments, census returns, the head teacher's grant. They all follow it, in the caller's
/// transaction, so the new district's officer sees the school's records and the old one's no longer
/// does. A repair a minute later puts right a record written from the old path meanwhile (as an area
/// move does, <see cref="Areas.MoveArea"/>).
/// </summary>
public static class InstitutionMove
{
    /// <summary>Re-applies a move a minute later: a record written concurrently from the old path is put right.</summary>
    public sealed record RepairMessage(Guid InstitutionId, string OldPath);

    /// <summary>Queues the repair; written by the caller's next SaveChanges, with the move.</summary>
    public static void Queue(Outbox outbox, TimeProvider clock, Guid institutionId, string oldPath) =>
        outbox.Enqueue(new RepairMessage(institutionId, oldPath), runAt: clock.GetUtcNow().AddMinutes(1));

    /// <summary>Moves every record under the old path to the new one (after the institution itself is saved).</summary>
    public static Task<int> RecordsFollowAsync(LnemisDbContext db, string oldPath, string newPath, CancellationToken ct) =>
        ScopePathRewriter.RewriteAsync(db, oldPath, newPath, ct);

    internal sealed class RepairHandler(LnemisDbContext db) : IJobHandler<RepairMessage>
    {
        public async Task HandleAsync(RepairMessage message, JobContext context, CancellationToken ct)
        {
            var current = await db.Institutions().IgnoreQueryFilters().Where(i => i.Id == message.InstitutionId).Select(i => i.ScopePath).FirstOrDefaultAsync(ct);
            if (current is not null && current != message.OldPath)
            {
                await ScopePathRewriter.RewriteAsync(db, message.OldPath, current, ct);
            }
        }
    }
}
