using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Lnemis.Platform.Documents;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Lnemis.Documents.Features.Documents;

/// <summary>
/// Serves a stored version for the browser to show it, with the headers that keep that safe: the
/// type read from the content at upload, <c>nosniff</c> so the browser does not guess another, and a
/// Content-Security-Policy that lets nothing in the file run or load anything (a sandbox for images
/// and text; PDF viewers refuse sandboxed documents, so a PDF gets <c>default-src 'none'</c> alone).
/// Only <see cref="InlinePreview"/> types go inline; plain text that begins like markup (HTML, SVG,
/// XML saved as .txt) and anything else goes out as an attachment, as a download would.
/// </summary>
internal sealed class InlineFileResult(Stream content, string contentType, string fileName) : IResult
{
    public const string SandboxPolicy = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";
    public const string PdfPolicy = "default-src 'none'; frame-ancestors 'self'";

    /// <summary>How much of a text file is read to decide whether it is markup.</summary>
    private const int SniffBytes = 1024;

    private static readonly string[] MarkupSigns = ["<html", "<svg", "<script", "<!doctype", "<?xml", "<iframe", "<body"];

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var ct = httpContext.RequestAborted;
        await using var source = content;
        var reader = PipeReader.Create(source);
        var mediaType = InlinePreview.MediaType(contentType);
        var inline = InlinePreview.Supports(contentType);
        if (inline && mediaType == InlinePreview.Text)
        {
            inline = !LooksLikeMarkup(await PeekAsync(reader, ct));
        }

        var response = httpContext.Response;
        response.ContentType = contentType;
        response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue(inline ? "inline" : "attachment") { FileNameStar = fileName }.ToString();
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers[HeaderNames.ContentSecurityPolicy] = mediaType == InlinePreview.Pdf && inline ? PdfPolicy : SandboxPolicy;
        response.Headers[HeaderNames.CacheControl] = "private, no-store";
        response.Headers["Cross-Origin-Resource-Policy"] = "same-origin";
        await reader.CopyToAsync(response.Body, ct);
        await reader.CompleteAsync();
    }

    /// <summary>The first bytes, left in the pipe to be sent.</summary>
    private static async Task<byte[]> PeekAsync(PipeReader reader, CancellationToken ct)
    {
        while (true)
        {
            var read = await reader.ReadAsync(ct);
            if (read.Buffer.Length >= SniffBytes || read.IsCompleted)
            {
                var head = read.Buffer.Slice(0, Math.Min(SniffBytes, read.Buffer.Length)).ToArray();
                reader.AdvanceTo(read.Buffer.Start);
                return head;
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    /// <summary>Text whose first non-blank character opens a tag, or that holds a tag a browser would act on.</summary>
    internal static bool LooksLikeMarkup(byte[] head)
    {
        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.StartsWith('<') || MarkupSigns.Any(sign => text.Contains(sign, StringComparison.OrdinalIgnoreCase));
    }
}
