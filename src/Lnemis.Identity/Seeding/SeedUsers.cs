using Lnemis.Platform.Access;
using Lnemis.Platform.Data;

namespace Lnemis.Identity.Seeding;

/// <summary>Identity's side of <see cref="ISeedUsers"/>: the same path as `users create-admin` and the demo users.</summary>
internal sealed class SeedUsers(IServiceProvider services) : ISeedUsers
{
    public async Task<Guid> CreateAsync(string email, string displayName, string password, string role, ScopeKind kind, Guid? scopeId, string scopePath, string scopeName, CancellationToken ct) =>
        await IdentityCommands.CreateUserAsync(services, email, displayName, password, role, kind, scopeId, scopePath, scopeName, ct)
            ?? throw new InvalidOperationException($"The user {email} could not be created (the address is taken or the password refused).");
}
