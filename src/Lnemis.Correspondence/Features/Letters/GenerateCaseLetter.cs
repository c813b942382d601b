using System.Text.Json;
using FluentValidation;
using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Features.Cases;
using Lnemis.Correspondence.Features.Files;
using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Audit;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Letters;

/// <summary>
/// Produces a case's letter (acknowledgement, dispatch …) from the latest version of its type's
/// template, as DOCX or PDF. Only someone who acts on the case (its manager, a responder or an
/// approver) may; a case the caller cannot see is not found. The audit log records the letter and
/// the template version it was written from. With <c>save</c> the letter is also filed on the case
/// (kind letter, through the Documents module) and the answer is the new case file instead of the bytes.
/// </summary>
public static class GenerateCaseLetter
{
    public const string AuditAction = "letter";

    public sealed record Request(string? Kind, string? Format, bool? Save = null);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Kind).NotEmpty().MaximumLength(40);
            RuleFor(r => r.Format).NotEmpty().Must(f => LetterFormats.Parse(f) is not null).WithMessage("Formats are docx and pdf.");
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/correspondence/cases/{id:guid}/letters", HandleAsync)
            .RequirePermission(CorrespondencePermissions.CasesRead).Validate<Request>().WithTags("Correspondence letters");

    internal static async Task<IResult> HandleAsync(Guid id, Request request, LnemisDbContext db, CurrentActor actor, LetterRenderer renderer, CaseFiles files, AuditLog audit, CancellationToken ct)
    {
        var c = await db.Cases().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return Problems.NotFound("The case");
        }

        if ((await CaseCaller.ForAsync(db, actor, c, ct)).Roles.Count == 0)
        {
            return Problems.Forbidden("Letters are produced by the people who act on the case: its managers, responders and approvers.");
        }

        var format = LetterFormats.Parse(request.Format)!.Value;
        var letter = await renderer.RenderAsync(c, request.Kind!, format, ct);
        if (letter is null)
        {
            return Problems.Field("kind", $"There is no '{request.Kind}' letter template for {c.Type.Noun()}.");
        }

        await audit.RecordAsync(AuditAction, "Case", c.Id.ToString(), JsonSerializer.Serialize(new
        {
            kind = request.Kind,
            format = format.Extension(),
            templateId = letter.TemplateId,
            templateVersionId = letter.TemplateVersionId,
            templateVersion = letter.TemplateVersion,
        }), ct);
        if (request.Save != true)
        {
            return TypedResults.File(letter.Content, letter.ContentType, letter.FileName);
        }

        await using var content = new MemoryStream(letter.Content, writable: false);
        var filed = await files.StoreAsync(c, null, content, letter.FileName, CaseFileKind.Letter, ct);
        return filed.File is { } file
            ? TypedResults.Created($"/api/v1/correspondence/cases/{c.Id}/files/{file.Id}", CaseFileView.From(file, c.ResponseFileId))
            : Problems.Field(filed.Field!, filed.Reason!);
    }
}
