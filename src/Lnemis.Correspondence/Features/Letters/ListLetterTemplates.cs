using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Letters;
using Lnemis.Correspondence.Features.Cases;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Letters;

/// <summary>The letter templates, by case type and kind, each with its latest version's title and who saved it.</summary>
public static class ListLetterTemplates
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/correspondence/letter-templates", HandleAsync).RequireNationalLetterAdministrator().WithTags("Correspondence letters");

    internal static async Task<IResult> HandleAsync(string? type, string? kind, int? page, int? pageSize, LnemisDbContext db, IUserDirectory users, CancellationToken ct)
    {
        var templates = db.LetterTemplates().AsNoTracking();
        if (type is not null)
        {
            if (CreateCase.ParseType(type) is not { } caseType)
            {
                return Problems.Field("type", $"Unknown case type '{type}'.");
            }

            templates = templates.Where(t => t.Type == caseType);
        }

        if (!string.IsNullOrWhiteSpace(kind))
        {
            templates = templates.Where(t => t.Kind == kind);
        }

        var rows = await (from t in templates
                          join v in db.LetterTemplateVersions().AsNoTracking() on new { TemplateId = t.Id, Number = t.LatestVersion } equals new { v.TemplateId, v.Number }
                          orderby t.Type, t.Kind
                          select new { t.Id, t.Type, t.Kind, t.LatestVersion, v.Title, t.UpdatedAt, v.AuthorId })
            .ToPageAsync(PageRequest.From(page, pageSize), ct);
        var names = await users.FindAsync(rows.Items.Where(r => r.AuthorId is not null).Select(r => r.AuthorId!.Value).Distinct(), ct);
        return TypedResults.Ok(rows.Map(r => new LetterTemplateSummary(r.Id, r.Type.Code(), r.Type.Title(), r.Kind, r.LatestVersion, r.Title, r.UpdatedAt, r.AuthorId)
        {
            UpdatedByName = CaseNames.Of(names, r.AuthorId),
        }));
    }
}

/// <summary>The fields a template may use, with what each holds and the sample a preview shows.</summary>
public static class ListLetterPlaceholders
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/correspondence/letter-templates/placeholders", () => TypedResults.Ok(LetterPlaceholders.All))
            .RequireNationalLetterAdministrator().WithTags("Correspondence letters");
}

/// <summary>One template with every version, newest first.</summary>
public static class GetLetterTemplate
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/correspondence/letter-templates/{type}/{kind}", HandleAsync).RequireNationalLetterAdministrator().WithTags("Correspondence letters");

    internal static async Task<IResult> HandleAsync(string type, string kind, LnemisDbContext db, IUserDirectory users, CancellationToken ct) =>
        CreateCase.ParseType(type) is { } caseType && await LetterTemplateAccess.DetailAsync(db, users, caseType, kind, ct) is { } detail
            ? TypedResults.Ok(detail)
            : Problems.NotFound($"The letter template '{type}/{kind}'");
}
