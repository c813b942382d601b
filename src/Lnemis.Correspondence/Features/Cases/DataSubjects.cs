using System.Text.Json.Nodes;
using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Audit;
using Lnemis.Platform.Data;
using Lnemis.Platform.Privacy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Cases;

/// <summary>
/// The registry link of a subject access request: search every module that holds records on
/// people (<see cref="IDataSubjectRegistry"/>) for the data subject, then export everything held
/// on the one chosen. Only people with a role on the case may do either; each search and export
/// is audited, and an export is written into the case history (who, when, which record).
/// </summary>
public static class DataSubjects
{
    public sealed record ExportRequest(string Kind, Guid SubjectId);

    public sealed record ExportResponse(string CaseNumber, DateTimeOffset GeneratedAt, JsonObject Records);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/cases/{id:guid}/data-subjects", SearchAsync).RequirePermission(CorrespondencePermissions.CasesRead).WithTags("Cases");
        api.MapPost("/cases/{id:guid}/data-subjects/export", ExportAsync).RequirePermission(CorrespondencePermissions.CasesRead).WithTags("Cases");
    }

    internal static async Task<IResult> SearchAsync(
        Guid id, string? name, DateOnly? dateOfBirth, LnemisDbContext db, CurrentActor actor, IEnumerable<IDataSubjectRegistry> registries, CancellationToken ct)
    {
        // The case first: someone probing another team's case ids learns nothing from a 400.
        var (c, _, refusal) = await SubjectAccessCaseAsync(db, actor, id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length < 2)
        {
            return Problems.Field("name", "Give at least two letters of the data subject's name.");
        }

        var matches = new List<DataSubjectMatch>();
        foreach (var registry in registries)
        {
            matches.AddRange(await registry.FindAsync(new DataSubjectQuery(name.Trim(), dateOfBirth), ct));
        }

        db.AddAudit(new PendingAudit("data-subject-search", nameof(Case), c!.Id.ToString(), $"{{\"matches\":{matches.Count}}}"));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(matches);
    }

    internal static async Task<IResult> ExportAsync(
        Guid id, ExportRequest request, LnemisDbContext db, CurrentActor actor, IEnumerable<IDataSubjectRegistry> registries, TimeProvider clock, CancellationToken ct)
    {
        var registry = registries.FirstOrDefault(r => string.Equals(r.Kind, request.Kind, StringComparison.OrdinalIgnoreCase));
        if (registry is null)
        {
            return Problems.Field("kind", $"Use one of: {string.Join(", ", registries.Select(r => r.Kind))}.");
        }

        var (c, caller, refusal) = await SubjectAccessCaseAsync(db, actor, id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var records = await registry.ExportAsync(request.SubjectId, ct);
        if (records is null)
        {
            return Problems.NotFound($"The {registry.Kind}");
        }

        var now = clock.GetUtcNow();
        var last = await db.CaseTransitions().Where(t => t.CaseId == c!.Id).MaxAsync(t => (int?)t.Sequence, ct) ?? 0;
        db.CaseTransitions().Add(new CaseTransition
        {
            Id = Guid.CreateVersion7(),
            CaseId = c!.Id,
            Sequence = last + 1,
            Event = "data_subject_export",
            FromState = c.State,
            ToState = c.State,
            ActorId = actor.UserId,
            ActorRole = caller!.Roles[0].Role,
            ActorTeamId = caller.Roles[0].TeamId,
            Message = $"Exported the records held on {registry.Kind} {request.SubjectId}.",
            DeadlineBefore = c.FinalDeadline,
            DeadlineAfter = c.FinalDeadline,
            At = now,
        });
        db.AddAudit(new PendingAudit("data-subject-export", registry.Kind, request.SubjectId.ToString(), $"{{\"case\":\"{c.Number}\"}}"));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ExportResponse(c.Number, now, records));
    }

    /// <summary>The case and the caller's roles on it, if it is a subject access request the caller plays a role on.</summary>
    private static async Task<(Case? Case, CaseCaller? Caller, IResult? Refusal)> SubjectAccessCaseAsync(LnemisDbContext db, CurrentActor actor, Guid id, CancellationToken ct)
    {
        var c = await db.Cases().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return (null, null, Problems.NotFound("The case"));
        }

        if (c.Type is not (CaseType.Sar or CaseType.SarInternalReview or CaseType.IcoAppealSar or CaseType.OverturnedSar))
        {
            return (null, null, Problems.Field("id", "Only subject access requests search the registry for their data subject."));
        }

        var caller = await CaseCaller.ForAsync(db, actor, c, ct);
        return caller.Roles.Count == 0 ? (null, null, Problems.Forbidden("You play no role on this case.")) : (c, caller, null);
    }
}
