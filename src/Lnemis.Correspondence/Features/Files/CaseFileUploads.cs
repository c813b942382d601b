using Lnemis.Correspondence.Domain;
using Lnemis.Platform.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Lnemis.Correspondence.Features.Files;

/// <summary>
/// What the two upload endpoints share: reading the form's "file" part as a stream (never buffered
/// whole: the Documents pipeline enforces the size limit while it reads), and answering a refusal.
/// </summary>
internal static class CaseFileUploads
{
    public const string FileField = "file";

    /// <summary>Calls <paramref name="store"/> with the "file" part of a multipart form; a problem when there is none.</summary>
    public static async Task<IResult> WithFilePartAsync(HttpRequest request, Func<Stream, string, Task<IResult>> store, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            return Problems.Field(FileField, "Send the file as the \"file\" part of a multipart form.");
        }

        var reader = new MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                && disposition.Name.Equals(FileField, StringComparison.OrdinalIgnoreCase)
                && (disposition.FileNameStar.Value ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value) is { Length: > 0 } fileName)
            {
                return await store(section.Body, fileName);
            }
        }

        return Problems.Field(FileField, "Send the file as the \"file\" part of a multipart form, with its name.");
    }

    /// <summary>A refused file: 422 naming the field (the file's type, size or malware; its name).</summary>
    public static IResult Refused(CaseFileOutcome outcome) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [outcome.Field!] = [outcome.Reason!] })
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The file was refused.",
            Detail = outcome.Reason,
        });

    public static IResult NotActing(Case c) =>
        Problems.Forbidden($"You cannot add files to case {c.Number} now: only people who may act on it in its current state can.");

    /// <summary>Lets an upload past the API's JSON body limit; the Documents pipeline enforces its own file size limit while it streams.</summary>
    public sealed class UnlimitedBody : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => null;
    }
}
