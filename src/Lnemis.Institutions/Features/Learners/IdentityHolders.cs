using Lnemis.Institutions.Data;
using Lnemis.Institutions.Features.Staff;
using Lnemis.Platform.Data;
using Lnemis.Platform.Integrations;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Learners;

/// <summary>Learners for the national identity verification (the integrations module asks through this seam); the stored number is decrypted for the check only.</summary>
internal sealed class LearnerIdentityHolders(LnemisDbContext db, NationalIds nationalIds) : IIdentityHolders
{
    public string Kind => "learner";

    public string ManagePermission => LearnerPermissions.Manage;

    public async Task<IdentityHolder?> FindAsync(Guid id, CancellationToken ct)
    {
        var learner = await db.Learners().AsNoTracking().Where(l => l.Id == id)
            .Select(l => new { l.Id, l.ScopePath, l.GivenName, l.FamilyName, l.DateOfBirth, l.NationalIdProtected })
            .FirstOrDefaultAsync(ct);
        return learner is null ? null : new IdentityHolder(
            learner.Id, learner.ScopePath, learner.GivenName, learner.FamilyName, learner.DateOfBirth,
            learner.NationalIdProtected is null ? null : nationalIds.Unprotect(learner.NationalIdProtected));
    }
}

/// <summary>Staff members for the national identity verification; the registry keeps no number for them, so the caller gives it.</summary>
internal sealed class StaffIdentityHolders(LnemisDbContext db) : IIdentityHolders
{
    public string Kind => "staff";

    public string ManagePermission => StaffPermissions.Manage;

    public Task<IdentityHolder?> FindAsync(Guid id, CancellationToken ct) =>
        db.Staff().AsNoTracking().Where(m => m.Id == id)
            .Select(m => new IdentityHolder(m.Id, m.ScopePath, m.GivenName, m.FamilyName, m.DateOfBirth, null))
            .FirstOrDefaultAsync(ct);
}
