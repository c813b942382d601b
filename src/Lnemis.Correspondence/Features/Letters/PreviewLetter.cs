using FluentValidation;
using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Features.Cases;
using Lnemis.Platform.Api;
using Lnemis.Platform.Audit;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Letters;

/// <summary>
/// Renders a template text before it is saved: with a case the caller can see (its real values;
/// the read is audited, the case holds personal data) or with sample values. As JSON (the letter's
/// lines, for the editor) or as the DOCX or PDF file.
/// </summary>
public static class PreviewLetter
{
    public sealed record Request(string? Type, string? Title, string? Body, Guid? CaseId, string? Format);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Type).Must(t => t is null || CreateCase.ParseType(t) is not null).WithMessage("Unknown case type.");
            LetterTextRules.Title(RuleFor(r => r.Title));
            LetterTextRules.Body(RuleFor(r => r.Body));
            RuleFor(r => r.Format).Must(f => f is null || f == "text" || LetterFormats.Parse(f) is not null).WithMessage("Formats are text, docx and pdf.");
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/correspondence/letter-templates/preview", HandleAsync)
            .RequireNationalLetterAdministrator().Validate<Request>().WithTags("Correspondence letters");

    internal static async Task<IResult> HandleAsync(Request request, LnemisDbContext db, LetterRenderer renderer, AuditLog audit, CancellationToken ct)
    {
        IReadOnlyDictionary<string, string> values;
        string reference;
        if (request.CaseId is { } caseId)
        {
            var c = await db.Cases().AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct);
            if (c is null)
            {
                return Problems.Field("caseId", "No case you can see has this id.");
            }

            await audit.RecordSensitiveReadAsync("Case", c.Id, ct);
            values = await renderer.ValuesAsync(c, ct);
            reference = c.Number;
        }
        else
        {
            values = renderer.SampleValues(request.Type is null ? null : CreateCase.ParseType(request.Type));
            reference = values["case_number"];
        }

        var letter = renderer.Compose(request.Title!, request.Body!, reference, values);
        return LetterFormats.Parse(request.Format) is { } format
            ? TypedResults.File(format.Write(letter), format.ContentType(), $"preview.{format.Extension()}")
            : TypedResults.Ok(letter);
    }
}
