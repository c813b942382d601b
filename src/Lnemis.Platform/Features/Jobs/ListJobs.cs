using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Platform.Features.Jobs;

/// <summary>The jobs dashboard: what is queued, running, done or failed, with the last error.</summary>
public static class ListJobs
{
    public sealed record JobView(Guid Id, string Type, string State, int Attempts, int MaxAttempts, DateTimeOffset RunAt, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, string? LastError);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/admin/jobs", HandleAsync).RequirePermission(PlatformPermissions.JobsRead).WithTags("Jobs");

    public static async Task<Results<Ok<Page<JobView>>, ValidationProblem>> HandleAsync(
        ReplicaDbContext db, string? state, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Jobs.AsQueryable();
        if (state is not null)
        {
            if (!Enum.TryParse<JobState>(state, ignoreCase: true, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["state"] = ["Use pending, running, succeeded or failed."] });
            }

            query = query.Where(j => j.State == parsed);
        }

        var result = await query
            .OrderByDescending(j => j.CreatedAt)
            .Select(j => new JobView(j.Id, j.Type, j.State.ToString(), j.Attempts, j.MaxAttempts, j.RunAt, j.CreatedAt, j.CompletedAt, j.LastError))
            .ToPageAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(result);
    }
}
