using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Features.Cases;
using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Retention;

/// <summary>
/// The review list: cases the review task marked due and nobody has dealt with yet (not disposed;
/// not anonymised when that is the action), earliest due first, paged. Filters: type, held=true|false.
/// </summary>
public static class ListRetentionDue
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/correspondence/retention/due", HandleAsync).RequirePermission(CorrespondencePermissions.Retention).WithTags("Correspondence retention");

    internal static async Task<IResult> HandleAsync(LnemisDbContext db, string? type, bool? held, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.CaseRetentions().AsNoTracking()
            .Where(r => r.MarkedDueAt != null && r.DisposedAt == null && (r.Action == RetentionAction.Destroy || r.AnonymisedAt == null));
        if (type is not null)
        {
            if (CreateCase.ParseType(type) is not { } parsed)
            {
                return Problems.Field("type", $"Case types are: {string.Join(", ", CaseTypes.All.Select(t => t.Code()))}.");
            }

            query = query.Where(r => r.Type == parsed);
        }

        if (held is { } onHold)
        {
            query = query.Where(r => r.OnHold == onHold);
        }

        var result = await query.ToCappedPageAsync(q => q.OrderBy(r => r.DueOn).ThenBy(r => r.Number), PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(result.Map(CaseRetentionView.From));
    }
}
