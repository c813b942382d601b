using Lnemis.Institutions.Data;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Staff;

/// <summary>One staff member with qualifications and every posting, newest first. Outside the caller's scope: 404.</summary>
public static class GetStaffMember
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/staff/{id:guid}", HandleAsync).RequirePermission(StaffPermissions.Read).WithTags("Staff");

    internal static async Task<IResult> HandleAsync(Guid id, LnemisDbContext db, CancellationToken ct)
    {
        var member = await db.Staff().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        return member is null ? Problems.NotFound("The staff member") : TypedResults.Ok(await StaffMapping.DetailAsync(db, member, ct));
    }
}
