using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Data;

/// <summary>Resolves a team id to its scope path for grants. Uses the caller's scope filter: a team outside it is not found.</summary>
internal sealed class TeamScopeDirectory(LnemisDbContext db) : IScopeDirectory
{
    public IReadOnlyCollection<ScopeKind> Kinds { get; } = [ScopeKind.Team];

    public async Task<ScopeNode?> FindAsync(ScopeKind kind, Guid id, CancellationToken ct) =>
        kind != ScopeKind.Team
            ? null
            : await db.Teams().AsNoTracking().Where(t => t.Id == id).Select(t => new ScopeNode(t.ScopePath, t.Name)).FirstOrDefaultAsync(ct);
}
