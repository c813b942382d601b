using Lnemis.Identity.Data;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Identity.Features.Users;

/// <summary>Identity's side of <see cref="IUserDirectory"/>: one query for a batch of ids.</summary>
internal sealed class UserDirectory(LnemisDbContext db) : IUserDirectory
{
    public async Task<IReadOnlyDictionary<Guid, UserContact>> FindAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<Guid, UserContact>();
        }

        return await db.Users().AsNoTracking().Where(u => wanted.Contains(u.Id))
            .Select(u => new UserContact(u.Id, u.DisplayName, u.Email, u.IsActive, u.PhoneNumber))
            .ToDictionaryAsync(u => u.Id, ct);
    }
}
