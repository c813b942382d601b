using FluentValidation;
using Lnemis.Identity.Auth;
using Lnemis.Identity.Data;
using Lnemis.Identity.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Identity.Features.Tokens;

/// <summary>Machine clients for OAuth2 client credentials: registered by administrators, secret shown once.</summary>
public static class ApiClients
{
    public sealed record CreateRequest(string Name, IReadOnlyList<string> Scopes, ScopeKind ScopeKind, Guid? ScopeId);

    public sealed record Created(Guid Id, string ClientId, string ClientSecret, string Name, IReadOnlyList<string> Scopes, string ScopeName);

    public sealed record ClientView(Guid Id, string ClientId, string Name, IReadOnlyList<string> Scopes, string ScopeName, bool IsActive, DateTimeOffset CreatedAt);

    public sealed class Validator : AbstractValidator<CreateRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
            RuleFor(r => r.Scopes).NotEmpty();
            RuleForEach(r => r.Scopes).Must(s => RoleCatalog.AllPermissions.Contains(s)).WithMessage("Unknown scope '{PropertyValue}'.");
            RuleFor(r => r.ScopeId).NotNull().When(r => r.ScopeKind != ScopeKind.Country);
        }
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/clients", ListAsync).RequirePermission(IdentityPermissions.ClientsManage).WithTags("API clients");
        api.MapPost("/clients", CreateAsync).RequirePermission(IdentityPermissions.ClientsManage).Validate<CreateRequest>().WithTags("API clients");
    }

    internal static async Task<IResult> ListAsync(LnemisDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        var result = await db.ApiClients().AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.ClientId, c.Name, c.AllowedScopes, c.ScopeName, c.IsActive, c.CreatedAt })
            .ToPageAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(new Page<ClientView>(
            result.Items.Select(c => new ClientView(c.Id, c.ClientId, c.Name, c.AllowedScopes.Split(' '), c.ScopeName, c.IsActive, c.CreatedAt)).ToList(),
            result.PageNumber, result.PageSize, result.Total));
    }

    internal static async Task<IResult> CreateAsync(
        CreateRequest request, LnemisDbContext db, CurrentActor actor, IEnumerable<IScopeDirectory> directories, IPasswordHasher<User> hasher, TimeProvider clock, CancellationToken ct)
    {
        ScopeNode? node = request.ScopeKind == ScopeKind.Country
            ? new ScopeNode(AccessScope.CountryPath, "National")
            : directories.FirstOrDefault(d => d.Kinds.Contains(request.ScopeKind)) is { } directory
                ? await directory.FindAsync(request.ScopeKind, request.ScopeId!.Value, ct)
                : null;
        if (node is null)
        {
            return Problems.Field("scopeId", "No such place.");
        }

        if (request.Scopes.Any(s => !actor.Access.Covers(s, node.Path)))
        {
            return Problems.Forbidden("A client can only be given permissions you hold at that place.");
        }

        var secret = Secrets.NewToken("lns_");
        var client = new ApiClient
        {
            Id = Guid.CreateVersion7(),
            ClientId = $"lnemis-{Guid.NewGuid():N}"[..22],
            Name = request.Name.Trim(),
            AllowedScopes = string.Join(' ', request.Scopes.Distinct(StringComparer.Ordinal)),
            ScopePath = node.Path,
            ScopeName = node.Name,
            CreatedAt = clock.GetUtcNow(),
        };
        client.SecretHash = new PasswordHasher<ApiClient>().HashPassword(client, secret);
        db.ApiClients().Add(client);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/clients/{client.Id}", new Created(client.Id, client.ClientId, secret, client.Name, client.AllowedScopes.Split(' '), client.ScopeName));
    }
}
