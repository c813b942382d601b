using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Data;

/// <summary>Resolves an area id to its scope path for grants. Uses the caller's scope filter: an area outside it is not found.</summary>
internal sealed class AreaScopeDirectory(LnemisDbContext db) : IScopeDirectory
{
    public IReadOnlyCollection<ScopeKind> Kinds { get; } = [ScopeKind.Area];

    public async Task<ScopeNode?> FindAsync(ScopeKind kind, Guid id, CancellationToken ct) =>
        kind != ScopeKind.Area
            ? null
            : await db.Areas().AsNoTracking().Where(a => a.Id == id).Select(a => new ScopeNode(a.ScopePath, a.Name)).FirstOrDefaultAsync(ct);
}
