using FluentValidation;
using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Letters;
using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Correspondence.Features.Letters;

public sealed record LetterTemplateSummary(Guid Id, string Type, string TypeTitle, string Kind, int LatestVersion, string Title, DateTimeOffset UpdatedAt, Guid? UpdatedById)
{
    public string? UpdatedByName { get; init; }
}

public sealed record LetterTemplateVersionView(Guid Id, int Number, string Title, string Body, Guid? AuthorId, string? AuthorName, string? ChangeNote, DateTimeOffset CreatedAt);

public sealed record LetterTemplateDetail(Guid Id, string Type, string TypeTitle, string Kind, int LatestVersion, long Version, IReadOnlyList<LetterTemplateVersionView> Versions);

/// <summary>The template text rules shared by saving and previewing: sizes, no control characters, only known placeholders.</summary>
internal static class LetterTextRules
{
    public static void Title<T>(IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(LetterLimits.Title)
            .Must(t => t is null || !t.Any(char.IsControl)).WithMessage("The title is one line of text.")
            .Must(t => t is null || LetterPlaceholders.Problem(t) is null).WithMessage((_, t) => LetterPlaceholders.Problem(t!));

    public static void Body<T>(IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(LetterLimits.Body)
            .Must(b => b is null || !b.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t')).WithMessage("The body holds text, line breaks and tabs only.")
            .Must(b => b is null || LetterPlaceholders.Problem(b) is null).WithMessage((_, b) => LetterPlaceholders.Problem(b!));
}

internal static class LetterTemplateAccess
{
    /// <summary>
    /// Letter templates apply nationally: besides the permission somewhere (checked by
    /// RequirePermission), the caller must hold it at the country level.
    /// </summary>
    public static RouteHandlerBuilder RequireNationalLetterAdministrator(this RouteHandlerBuilder builder) =>
        builder.RequirePermission(CorrespondencePermissions.LettersManage).AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<CurrentActor>().Access.Covers(CorrespondencePermissions.LettersManage, AccessScope.CountryPath)
                ? await next(context)
                : Problems.Forbidden("Letter templates apply nationally: only national correspondence administrators edit them."));

    public static async Task<LetterTemplateDetail?> DetailAsync(LnemisDbContext db, IUserDirectory users, CaseType type, string kind, CancellationToken ct)
    {
        var template = await db.LetterTemplates().AsNoTracking().FirstOrDefaultAsync(t => t.Type == type && t.Kind == kind, ct);
        if (template is null)
        {
            return null;
        }

        var versions = await db.LetterTemplateVersions().AsNoTracking().Where(v => v.TemplateId == template.Id).OrderByDescending(v => v.Number).ToListAsync(ct);
        var names = await users.FindAsync(versions.Where(v => v.AuthorId is not null).Select(v => v.AuthorId!.Value).Distinct(), ct);
        return new LetterTemplateDetail(
            template.Id, type.Code(), type.Title(), template.Kind, template.LatestVersion, template.Version,
            versions.Select(v => new LetterTemplateVersionView(v.Id, v.Number, v.Title, v.Body, v.AuthorId, Cases.CaseNames.Of(names, v.AuthorId), v.ChangeNote, v.CreatedAt)).ToList());
    }
}
