using FluentValidation;
using Lnemis.Identity.Auth;
using Lnemis.Identity.Data;
using Lnemis.Identity.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Identity.Features.Tokens;

/// <summary>
/// Personal access tokens for scripts: act as the user, with the user's grants, until they expire
/// or are revoked. Created here or with `Lnemis.Server tokens create`; shown once.
/// </summary>
public static class PersonalAccessTokens
{
    public sealed record CreateRequest(string Name, int? ExpiresInDays);

    public sealed record Created(Guid Id, string Name, string Token, DateTimeOffset? ExpiresAt);

    public sealed record TokenView(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, bool Revoked);

    public sealed class Validator : AbstractValidator<CreateRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
            RuleFor(r => r.ExpiresInDays).InclusiveBetween(1, 366);
        }
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/account/tokens", ListAsync).RequireAuthorization().WithTags("Account");
        api.MapPost("/account/tokens", CreateEndpointAsync).RequireAuthorization().Validate<CreateRequest>().WithTags("Account");
        api.MapDelete("/account/tokens/{id:guid}", RevokeAsync).RequireAuthorization().WithTags("Account");
    }

    internal static async Task<IResult> ListAsync(LnemisDbContext db, CurrentActor actor, CancellationToken ct) =>
        TypedResults.Ok(await db.AccessTokens().AsNoTracking()
            .Where(t => t.UserId == actor.UserId && t.Kind == TokenKind.Personal)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenView(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt != null))
            .ToListAsync(ct));

    internal static async Task<IResult> CreateEndpointAsync(CreateRequest request, HttpContext http, LnemisDbContext db, CurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        if (actor.UserId is not { } userId)
        {
            return TypedResults.Problem(statusCode: 400, title: "Only people have personal tokens.");
        }

        var created = await CreateAsync(db, clock, userId, request.Name, request.ExpiresInDays ?? 90, ct);
        return TypedResults.Created($"/api/v1/account/tokens/{created.Id}", created);
    }

    internal static async Task<IResult> RevokeAsync(Guid id, LnemisDbContext db, CurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var revoked = await db.AccessTokens()
            .Where(t => t.Id == id && t.UserId == actor.UserId && t.Kind == TokenKind.Personal && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
        await AccessVersion.ChangedAsync(db, ct);
        return revoked == 1 ? TypedResults.NoContent() : Problems.NotFound("The token");
    }

    /// <summary>Creates a token for the user and records it in the audit log; the secret is returned once.</summary>
    public static async Task<Created> CreateAsync(LnemisDbContext db, TimeProvider clock, Guid userId, string name, int? expiresInDays, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var secret = Secrets.NewToken(Secrets.PersonalTokenPrefix);
        var token = new AccessToken
        {
            Id = Guid.CreateVersion7(),
            Kind = TokenKind.Personal,
            UserId = userId,
            Name = name,
            TokenHash = Secrets.Hash(secret),
            Prefix = secret[..8],
            CreatedAt = now,
            ExpiresAt = expiresInDays is { } days ? now.AddDays(days) : null,
        };
        db.AccessTokens().Add(token);
        AccessAudit.Add(db, null, AccessAudit.TokenCreated, userId, new { name, expiresAt = token.ExpiresAt });
        await db.SaveChangesAsync(ct);
        return new Created(token.Id, name, secret, token.ExpiresAt);
    }
}
