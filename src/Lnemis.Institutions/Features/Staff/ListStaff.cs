using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Staff;

/// <summary>Staff the caller may see: ?q= (staff number or name words), institutionId, category, paged by name.</summary>
public static class ListStaff
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/staff", HandleAsync).RequirePermission(StaffPermissions.Read).WithTags("Staff");

    internal static async Task<IResult> HandleAsync(string? q, Guid? institutionId, string? category, int? page, int? pageSize, ReplicaDbContext db, CancellationToken ct)
    {
        var query = db.Staff().AsNoTracking();
        foreach (var word in SearchText.Of(q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
        {
            var pattern = SearchText.Contains(word);
            query = query.Where(m => EF.Functions.Like(m.SearchText, pattern, "\\"));
        }

        if (institutionId is { } institution)
        {
            query = query.Where(m => m.InstitutionId == institution);
        }

        if (!string.IsNullOrWhiteSpace(category))
        {
            if (!Enum.TryParse<StaffCategory>(category, true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Problems.Field("category", "Use Teaching or NonTeaching.");
            }

            query = query.Where(m => m.Category == parsed);
        }

        var result = await query.OrderBy(m => m.FamilyName).ThenBy(m => m.GivenName).ThenBy(m => m.StaffNumber)
            .Select(m => new StaffSummary(m.Id, m.StaffNumber, m.GivenName, m.FamilyName, m.Category, m.InstitutionId))
            .ToPageAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(result);
    }
}
