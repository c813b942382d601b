using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Learners;

/// <summary>
/// Learners the caller may see: ?q= (a learner number, or words of the name, accents ignored),
/// institutionId, areaId (and below), sex, bornFrom/bornTo, status (Active by default), paged.
/// </summary>
public static class ListLearners
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/learners", HandleAsync).RequirePermission(LearnerPermissions.Read).WithTags("Learners");

    internal static async Task<IResult> HandleAsync(
        string? q, Guid? institutionId, Guid? areaId, string? sex, DateOnly? bornFrom, DateOnly? bornTo, string? status, int? page, int? pageSize,
        ReplicaDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var query = db.Learners().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            if (LearnerNumbers.IsValid(term))
            {
                query = query.Where(l => l.LearnerNumber == term);
            }
            else
            {
                foreach (var word in SearchText.Of(term).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
                {
                    var pattern = SearchText.Contains(word);
                    query = query.Where(l => EF.Functions.Like(l.SearchText, pattern, "\\"));
                }
            }
        }

        if (institutionId is { } institution)
        {
            query = query.Where(l => l.InstitutionId == institution);
        }

        if (areaId is { } area)
        {
            var path = await db.Areas().Where(a => a.Id == area).Select(a => a.ScopePath).FirstOrDefaultAsync(ct);
            if (path is null)
            {
                errors["areaId"] = ["No such area."];
            }
            else
            {
                query = query.Where(l => l.ScopePath.StartsWith(path));
            }
        }

        if (!string.IsNullOrWhiteSpace(sex))
        {
            if (Enum.TryParse<Sex>(sex, true, out var parsed) && Enum.IsDefined(parsed))
            {
                query = query.Where(l => l.Sex == parsed);
            }
            else
            {
                errors["sex"] = ["Use Female or Male."];
            }
        }

        var wantedStatus = LearnerStatus.Active;
        if (!string.IsNullOrWhiteSpace(status) && !(Enum.TryParse(status, true, out wantedStatus) && Enum.IsDefined(wantedStatus)))
        {
            errors["status"] = ["Use Active or Merged."];
        }

        if (bornFrom is { } from)
        {
            query = query.Where(l => l.DateOfBirth >= from);
        }

        if (bornTo is { } to)
        {
            query = query.Where(l => l.DateOfBirth <= to);
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var result = await query.Where(l => l.Status == wantedStatus)
            .OrderBy(l => l.FamilyName).ThenBy(l => l.GivenName).ThenBy(l => l.LearnerNumber)
            .Select(l => new LearnerSummary(l.Id, l.LearnerNumber, l.GivenName, l.FamilyName, l.Sex, l.DateOfBirth, l.InstitutionId, l.Status))
            .ToPageAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(result);
    }
}
