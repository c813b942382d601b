using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Audit;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Learners;

/// <summary>The learner's national id (OFFICIAL-SENSITIVE): decrypted on request, and every read is written to the audit chain with the reader.</summary>
public static class GetLearnerNationalId
{
    public sealed record Response(string? NationalId);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/learners/{id:guid}/national-id", HandleAsync).RequirePermission(LearnerPermissions.Manage)
            .AuditsSensitiveReadOf(nameof(Learner)).WithTags("Learners");

    internal static async Task<IResult> HandleAsync(Guid id, LnemisDbContext db, CurrentActor actor, NationalIds nationalIds, CancellationToken ct)
    {
        var learner = await db.Learners().AsNoTracking().Where(l => l.Id == id).Select(l => new { l.NationalIdProtected, l.ScopePath }).FirstOrDefaultAsync(ct);
        if (learner is null)
        {
            return Problems.NotFound("The learner");
        }

        if (!actor.Access.Covers(LearnerPermissions.Manage, learner.ScopePath))
        {
            return Problems.Forbidden("Only those who manage the learner's records may read the national id.");
        }

        return TypedResults.Ok(new Response(learner.NationalIdProtected is null ? null : nationalIds.Unprotect(learner.NationalIdProtected)));
    }
}
