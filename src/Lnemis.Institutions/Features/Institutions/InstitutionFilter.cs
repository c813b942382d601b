using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Institutions;

/// <summary>
/// The filters shared by the institution list, its exports and the GeoJSON map layer:
/// ?q= (words of the code or name, accents ignored) &amp;areaId= (the area and everything below it) &amp;type=
/// &amp;ownership= &amp;status= &amp;level= (an education level code). Always within the caller's scope.
/// </summary>
public sealed class InstitutionFilter
{
    public string? Q { get; set; }
    public Guid? AreaId { get; set; }
    public string? Type { get; set; }
    public string? Ownership { get; set; }
    public string? Status { get; set; }
    public string? Level { get; set; }

    /// <summary>Applies the filters; errors name the query parameter that is wrong.</summary>
    internal async Task<(IQueryable<Institution> Query, Dictionary<string, string[]> Errors)> ApplyAsync(LnemisDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var query = db.Institutions().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            // Every word must appear, in any order ("ecole lac" finds "École du Lac").
            foreach (var word in SearchText.Of(Q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
            {
                var pattern = SearchText.Contains(word);
                query = query.Where(i => EF.Functions.Like(i.SearchText, pattern, "\\"));
            }
        }

        if (AreaId is { } areaId)
        {
            var path = await db.AreaPathAsync(areaId, ct);
            if (path is null)
            {
                errors["areaId"] = ["No such area."];
            }
            else
            {
                query = query.Where(i => i.ScopePath.StartsWith(path));
            }
        }

        if (Parse<InstitutionType>(Type, "type", errors) is { } type)
        {
            query = query.Where(i => i.Type == type);
        }

        if (Parse<Domain.Ownership>(Ownership, "ownership", errors) is { } ownership)
        {
            query = query.Where(i => i.Ownership == ownership);
        }

        if (Parse<InstitutionStatus>(Status, "status", errors) is { } status)
        {
            query = query.Where(i => i.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(Level))
        {
            var code = Level.Trim().ToUpperInvariant();
            query = query.Where(i => (" " + i.Levels + " ").Contains(" " + code + " "));
        }

        return (query, errors);
    }

    private static TEnum? Parse<TEnum>(string? value, string name, Dictionary<string, string[]> errors)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        errors[name] = [$"Use one of: {string.Join(", ", Enum.GetNames<TEnum>())}."];
        return null;
    }
}
