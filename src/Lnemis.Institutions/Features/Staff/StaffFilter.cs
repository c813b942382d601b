using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Staff;

/// <summary>
/// The filters shared by the staff list and its exports: ?q= (staff number or name words)
/// &amp;institutionId= &amp;areaId= (and below) &amp;category= (Teaching, NonTeaching). Always within the caller's scope.
/// </summary>
public sealed class StaffFilter
{
    public string? Q { get; set; }
    public Guid? InstitutionId { get; set; }
    public Guid? AreaId { get; set; }
    public string? Category { get; set; }

    /// <summary>Applies the filters; errors name the query parameter that is wrong.</summary>
    internal async Task<(IQueryable<StaffMember> Query, Dictionary<string, string[]> Errors)> ApplyAsync(LnemisDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var query = db.Staff().AsNoTracking();
        foreach (var word in SearchText.Of(Q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
        {
            var pattern = SearchText.Contains(word);
            query = query.Where(m => EF.Functions.Like(m.SearchText, pattern, "\\"));
        }

        if (InstitutionId is { } institution)
        {
            query = query.Where(m => m.InstitutionId == institution);
        }

        if (AreaId is { } area)
        {
            var path = await db.AreaPathAsync(area, ct);
            if (path is null)
            {
                errors["areaId"] = ["No such area."];
            }
            else
            {
                query = query.Where(m => m.ScopePath.StartsWith(path));
            }
        }

        if (!string.IsNullOrWhiteSpace(Category))
        {
            if (Enum.TryParse<StaffCategory>(Category, true, out var parsed) && Enum.IsDefined(parsed))
            {
                query = query.Where(m => m.Category == parsed);
            }
            else
            {
                errors["category"] = ["Use Teaching or NonTeaching."];
            }
        }

        return (query, errors);
    }
}
