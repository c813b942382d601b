using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Platform.Features.Jobs;

/// <summary>Puts a failed job back in the queue with a fresh set of attempts.</summary>
public static class RetryJob
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/admin/jobs/{id:guid}/retry", HandleAsync).RequirePermission(PlatformPermissions.JobsManage).WithTags("Jobs");

    public static async Task<IResult> HandleAsync(Guid id, LnemisDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var updated = await db.Jobs
            .Where(j => j.Id == id && j.State == JobState.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Pending).SetProperty(j => j.Attempts, 0).SetProperty(j => j.RunAt, now).SetProperty(j => j.CompletedAt, (DateTimeOffset?)null), ct);
        if (updated == 1)
        {
            return TypedResults.NoContent();
        }

        return await db.Jobs.AnyAsync(j => j.Id == id, ct)
            ? Problems.Conflict("Only a failed job can be retried.")
            : Problems.NotFound("The job");
    }
}
