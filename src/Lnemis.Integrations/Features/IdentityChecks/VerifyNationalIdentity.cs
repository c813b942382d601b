using FluentValidation;
using Lnemis.Integrations.Data;
using Lnemis.Integrations.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Integrations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Integrations.Features.IdentityChecks;

/// <summary>
/// Verifies a learner's or staff member's national identity number with the national register,
/// against the name and date of birth the registry holds. The number is the one given, or the one
/// stored for a learner. Needs the permission to manage that kind of record at its place; each
/// verification is stored (with the last characters of the number only) and audited.
/// </summary>
public static class VerifyNationalIdentity
{
    public sealed record Request(string? NationalId);

    public sealed record Response(Guid Id, string SubjectKind, Guid SubjectId, IdentityMatch Result, string? Reason, DateTimeOffset CheckedAt);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() =>
            RuleFor(r => r.NationalId).MaximumLength(30).Matches("^[A-Za-z0-9-]{4,30}$").When(r => !string.IsNullOrEmpty(r.NationalId))
                .WithMessage("An identity number has 4 to 30 letters, digits or dashes.");
    }

    /// <summary>One route per kind of record that an <see cref="IIdentityHolders"/> offers (learners, staff).</summary>
    public static void Map(IEndpointRouteBuilder api)
    {
        foreach (var (kind, segment, permission) in new[] { ("learner", "learners", "learners.manage"), ("staff", "staff", "staff.manage") })
        {
            api.MapPost($"/{segment}/{{id:guid}}/identity-verifications", (Guid id, Request request, HttpContext context, CancellationToken ct) =>
                    HandleAsync(kind, id, request, context.RequestServices, ct))
                .RequirePermission(permission).Validate<Request>().WithTags("Identity verification");
        }
    }

    internal static async Task<IResult> HandleAsync(string kind, Guid id, Request request, IServiceProvider services, CancellationToken ct)
    {
        var holders = services.GetServices<IIdentityHolders>().FirstOrDefault(h => h.Kind == kind);
        var holder = holders is null ? null : await holders.FindAsync(id, ct);
        var actor = services.GetRequiredService<CurrentActor>();
        if (holders is null || holder is null)
        {
            return Problems.NotFound(kind == "learner" ? "The learner" : "The staff member");
        }

        if (!actor.Access.Covers(holders.ManagePermission, holder.ScopePath))
        {
            return Problems.Forbidden("Only those who manage the record may verify its identity.");
        }

        var nationalId = (string.IsNullOrWhiteSpace(request.NationalId) ? holder.NationalId : request.NationalId)?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(nationalId))
        {
            return Problems.Field("nationalId", "No identity number is on the record; give the one to verify.");
        }

        var result = await services.GetRequiredService<INationalIdentityLookup>()
            .VerifyAsync(new NationalIdentityQuery(nationalId, holder.GivenName, holder.FamilyName, holder.DateOfBirth), ct);
        var verification = new IdentityVerification
        {
            Id = Guid.CreateVersion7(),
            SubjectKind = kind,
            SubjectId = holder.Id,
            ScopePath = holder.ScopePath,
            Result = result.Match,
            Reason = result.Reason,
            NationalIdHint = "…" + nationalId[^Math.Min(3, nationalId.Length)..],
            CheckedBy = actor.Email ?? actor.ClientId ?? "system",
            CheckedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
        };
        var db = services.GetRequiredService<LnemisDbContext>();
        db.IdentityVerifications().Add(verification);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new Response(verification.Id, kind, holder.Id, result.Match, result.Reason, verification.CheckedAt));
    }
}
