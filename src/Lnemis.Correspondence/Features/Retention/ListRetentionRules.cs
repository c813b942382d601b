using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Retention;

/// <summary>The retention rule of every case type: the stored one, or the shipped default.</summary>
public static class ListRetentionRules
{
    public sealed record RuleView(string Type, string TypeTitle, int KeepYears, RetentionAction Action, bool Automatic, bool IsDefault, long Version)
    {
        public static RuleView From(RetentionRule rule, bool isDefault) =>
            new(rule.Type.Code(), rule.Type.Title(), rule.KeepYears, rule.Action, rule.Automatic, isDefault, rule.Version);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/correspondence/retention/rules", HandleAsync).RequirePermission(CorrespondencePermissions.Retention).WithTags("Correspondence retention");

    internal static async Task<IResult> HandleAsync(LnemisDbContext db, CancellationToken ct)
    {
        var stored = await db.RetentionRules().AsNoTracking().ToDictionaryAsync(r => r.Type, ct);
        return TypedResults.Ok(CaseTypes.All
            .Select(t => stored.TryGetValue(t, out var rule) ? RuleView.From(rule, isDefault: false) : RuleView.From(RetentionRules.Default(t), isDefault: true))
            .ToList());
    }
}
