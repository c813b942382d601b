using Lnemis.Institutions.Data;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Learners;

/// <summary>One learner (without the national id: that has its own audited endpoint). Outside the caller's scope: 404.</summary>
public static class GetLearner
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/learners/{id:guid}", HandleAsync).RequirePermission(LearnerPermissions.Read).WithTags("Learners");

    internal static async Task<IResult> HandleAsync(Guid id, LnemisDbContext db, CancellationToken ct)
    {
        var learner = await db.Learners().AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        return learner is null ? Problems.NotFound("The learner") : TypedResults.Ok(LearnerDetail.From(learner));
    }
}
