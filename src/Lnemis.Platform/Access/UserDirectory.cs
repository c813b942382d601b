namespace Lnemis.Platform.Access;

/// <summary>What other modules may know about a user: a name to show and where to reach them (phone in E.164, if given).</summary>
public sealed record UserContact(Guid Id, string DisplayName, string Email, bool IsActive, string? PhoneNumber = null);

/// <summary>
/// Looks users up by id for modules that store only user ids (case histories, notifications):
/// implemented by Identity, which owns the users.
/// </summary>
public interface IUserDirectory
{
    /// <summary>The users among <paramref name="ids"/> that exist (deactivated ones included, marked), by id.</summary>
    Task<IReadOnlyDictionary<Guid, UserContact>> FindAsync(IEnumerable<Guid> ids, CancellationToken ct);
}
