using FluentValidation;
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

/// <summary>
/// Saves a template's new wording as its next version (a new kind for a case type starts at 1).
/// Versions are never changed: the previous ones stay readable, and letters already produced name
/// theirs in the audit log. <c>basedOnVersion</c> is the version the editor started from; if
/// someone saved since, the save is refused (409) rather than silently overwriting their wording.
/// </summary>
public static class SaveLetterTemplate
{
    public sealed record Request(string? Title, string? Body, string? ChangeNote, int? BasedOnVersion);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            LetterTextRules.Title(RuleFor(r => r.Title));
            LetterTextRules.Body(RuleFor(r => r.Body));
            RuleFor(r => r.ChangeNote).MaximumLength(LetterLimits.ChangeNote);
            RuleFor(r => r.BasedOnVersion).GreaterThan(0);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/correspondence/letter-templates/{type}/{kind}/versions", HandleAsync)
            .RequireNationalLetterAdministrator().Validate<Request>().WithTags("Correspondence letters");

    internal static async Task<IResult> HandleAsync(string type, string kind, Request request, LnemisDbContext db, CurrentActor actor, IUserDirectory users, TimeProvider clock, CancellationToken ct)
    {
        if (CreateCase.ParseType(type) is not { } caseType)
        {
            return Problems.NotFound($"The case type '{type}'");
        }

        if (!LetterKinds.IsValid(kind))
        {
            return Problems.Field("kind", "A kind is 2–40 lower-case letters, digits or underscores, starting with a letter (e.g. \"acknowledgement\").");
        }

        var now = clock.GetUtcNow();
        var template = await db.LetterTemplates().FirstOrDefaultAsync(t => t.Type == caseType && t.Kind == kind, ct);
        if (template is null)
        {
            template = new LetterTemplate { Id = Guid.CreateVersion7(), Type = caseType, Kind = kind };
            db.LetterTemplates().Add(template);
        }
        else if (request.BasedOnVersion is not { } basedOn)
        {
            return Problems.Field("basedOnVersion", $"Say which version you edited (the latest is {template.LatestVersion}).");
        }
        else if (basedOn != template.LatestVersion)
        {
            return Problems.Conflict($"Version {template.LatestVersion} was saved after the version {basedOn} you edited; reload the template and apply your change again.");
        }

        template.LatestVersion++;
        template.UpdatedAt = now;
        db.LetterTemplateVersions().Add(new LetterTemplateVersion
        {
            Id = Guid.CreateVersion7(),
            TemplateId = template.Id,
            Number = template.LatestVersion,
            Title = request.Title!.Trim(),
            Body = request.Body!.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(),
            ChangeNote = string.IsNullOrWhiteSpace(request.ChangeNote) ? null : request.ChangeNote.Trim(),
            AuthorId = actor.UserId,
            CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
        var detail = await LetterTemplateAccess.DetailAsync(db, users, caseType, kind, ct);
        return TypedResults.Created($"/api/v1/correspondence/letter-templates/{caseType.Code()}/{kind}", detail);
    }
}
