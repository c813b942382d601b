using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Cases;

/// <summary>Who may be named as a case's responder: the single rule the case action and the bulk reassignment share.</summary>
internal static class CaseAssignees
{
    /// <summary>
    /// The user holds an active responder membership of the unit. Checked across scopes: naming a
    /// person is not a read of their membership, and the unit has already been checked against the case.
    /// </summary>
    public static Task<bool> IsActiveResponderAsync(LnemisDbContext db, Guid teamId, Guid userId, CancellationToken ct) =>
        db.TeamMembers().IgnoreQueryFilters([LnemisDbContext.ScopeFilter]).AsNoTracking()
            .AnyAsync(m => m.TeamId == teamId && m.UserId == userId && m.Role == CaseRole.Responder && m.DeactivatedAt == null, ct);
}
