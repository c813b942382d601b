using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Lnemis.Platform.Api;

/// <summary>
/// The one place where exceptions become RFC 9457 problem documents. Clients never see a stack
/// trace outside Development; a fault the caller caused is a 4xx with a reason.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, IHostEnvironment environment, ILogger<ApiExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Describe(exception);
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
                Detail = environment.IsDevelopment() ? exception.ToString() : "The error has been logged; quote the request id when reporting it.",
            };
        }
        else
        {
            logger.LogInformation("Request failed with {Status}: {Title}", problem.Status, problem.Title);
        }

        if (httpContext.Response.HasStarted)
        {
            return true;
        }

        httpContext.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails? Describe(Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException json } => InvalidJson(json),
        BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge =>
            Problem(413, "The request body is too large.", bad.Message),
        BadHttpRequestException bad => Problem(bad.StatusCode, "The request could not be read.", Clean(bad.Message)),
        JsonException json => InvalidJson(json),
        AntiforgeryValidationException => Problem(400, "Missing or invalid anti-forgery token.", "Send the X-XSRF-TOKEN header with the value of the XSRF-TOKEN cookie."),
        PageOutOfRangeException page => new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["page"] = [page.Message] })
        {
            Status = 400,
            Title = "The page is out of range.",
        },
        Documents.StorageUnavailableException unavailable => Problem(503, "Document storage is unavailable.", unavailable.Message + " Nothing was stored; try again later."),
        DbUpdateConcurrencyException => Problem(409, "The record was changed by someone else.", "Reload it and apply your change again."),
        DbUpdateException db when IsUniqueViolation(db) => Problem(409, "A record with the same key already exists.", null),
        _ => null,
    };

    private static ProblemDetails InvalidJson(JsonException json)
    {
        var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
        var message = json.Message.Contains("could not be mapped", StringComparison.Ordinal)
            ? "Unknown field."
            : json.Message.Contains("could not be converted", StringComparison.Ordinal)
                ? "The value has the wrong type."
                : json.InnerException is InvalidOperationException || json.Message.Contains("UTF-8", StringComparison.OrdinalIgnoreCase)
                    ? "The text is not valid UTF-8."
                    : "The body is not valid JSON.";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = 400,
            Title = "The request body is not valid.",
        };
    }

    private static ProblemDetails Problem(int status, string title, string? detail) => new() { Status = status, Title = title, Detail = detail };

    // Framework messages name parameter types; keep only the sentence a client can act on.
    private static string Clean(string message)
    {
        var cut = message.IndexOf(" from ", StringComparison.Ordinal);
        return cut > 0 && message.StartsWith("Failed to read parameter", StringComparison.Ordinal) ? "The request body could not be read." : message;
    }

    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.Message.Contains("UNIQUE", StringComparison.Ordinal),
        _ => false,
    };

}
