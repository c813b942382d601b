using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Data;

/// <summary>Resolves an institution id to its scope path for grants (head teacher, clerk). Uses the caller's scope filter.</summary>
internal sealed class InstitutionScopeDirectory(LnemisDbContext db) : IScopeDirectory
{
    public IReadOnlyCollection<ScopeKind> Kinds { get; } = [ScopeKind.Institution];

    public async Task<ScopeNode?> FindAsync(ScopeKind kind, Guid id, CancellationToken ct) =>
        kind != ScopeKind.Institution
            ? null
            : await db.Institutions().AsNoTracking().Where(i => i.Id == id).Select(i => new ScopeNode(i.ScopePath, i.Name)).FirstOrDefaultAsync(ct);
}
