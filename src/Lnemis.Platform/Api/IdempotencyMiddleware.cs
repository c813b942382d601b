using System.Security.Cryptography;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Platform.Api;

/// <summary>
/// Honours the Idempotency-Key header on POST: the first request runs and its key is stored in the
/// same transaction as its changes; a repeat with the same key and body gets the stored answer,
/// a repeat with another body gets 422, a repeat while the first is unfinished gets 409.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";

    public async Task InvokeAsync(HttpContext context, CurrentActor actor, LnemisDbContext db)
    {
        // Keys are kept per caller; anonymous callers share no identity to keep them apart, so
        // their keys are ignored (sign-in and token requests are safe to repeat anyway).
        if (!HttpMethods.IsPost(context.Request.Method)
            || !actor.IsAuthenticated
            || !context.Request.Path.StartsWithSegments("/api")
            || !context.Request.Headers.TryGetValue(Header, out var values))
        {
            await next(context);
            return;
        }

        var key = values.ToString();
        if (key.Length is 0 or > 200 || key.Any(char.IsControl))
        {
            await Problems.Field(Header, "The key must be 1 to 200 printable characters.").ExecuteAsync(context);
            return;
        }

        var fingerprint = await FingerprintAsync(context.Request);
        var existing = await db.IdempotencyRecords.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Caller == actor.PartitionKey && r.Key == key, context.RequestAborted);
        if (existing is not null)
        {
            await AnswerRepeatAsync(context, existing, fingerprint);
            return;
        }

        actor.IdempotencyKey = key;
        actor.IdempotencyFingerprint = fingerprint;
        var original = context.Response.Body;
        await using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (!actor.IdempotencyRecorded && context.Response.StatusCode >= 400 && !context.Response.HasStarted)
        {
            // A simultaneous twin may have finished first and made this request fail (for example
            // "code already used"); the caller should see the twin's outcome, not this failure.
            var twin = await db.IdempotencyRecords.AsNoTracking()
                .FirstOrDefaultAsync(r => r.Caller == actor.PartitionKey && r.Key == key, CancellationToken.None);
            if (twin is not null)
            {
                context.Response.Clear();
                await AnswerRepeatAsync(context, twin, fingerprint);
                return;
            }
        }

        if (actor.IdempotencyRecorded)
        {
            var body = captured.ToArray();
            var status = context.Response.StatusCode;
            var contentType = context.Response.ContentType;
            var location = context.Response.Headers.Location.ToString();
            await db.IdempotencyRecords
                .Where(r => r.Caller == actor.PartitionKey && r.Key == key)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(r => r.StatusCode, status)
                        .SetProperty(r => r.ContentType, contentType)
                        .SetProperty(r => r.Location, location)
                        .SetProperty(r => r.Body, body),
                    CancellationToken.None);
        }

        captured.Position = 0;
        await captured.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task AnswerRepeatAsync(HttpContext context, IdempotencyRecord existing, string fingerprint)
    {
        if (existing.Fingerprint != fingerprint)
        {
            await TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Idempotency-Key reused",
                detail: "This key was used for a different request; use a new key for a new request.").ExecuteAsync(context);
            return;
        }

        if (existing.StatusCode is not { } status)
        {
            await Problems.Conflict("A request with this Idempotency-Key has already been performed; its answer is not available yet.")
                .ExecuteAsync(context);
            return;
        }

        context.Response.StatusCode = status;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (!string.IsNullOrEmpty(existing.Location))
        {
            context.Response.Headers.Location = existing.Location;
        }

        if (existing.ContentType is not null)
        {
            context.Response.ContentType = existing.ContentType;
        }

        if (existing.Body is { Length: > 0 } body)
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
