using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Testing;

/// <summary>
/// The scope rule checked against every GET endpoint the server maps (found at run time, so a new
/// module's endpoints are covered without touching the tests): for a caller whose access is all on
/// side A, the other side's ids in the path or in any id-like query parameter give 403 or 404,
/// lists answer without error, and no answer carries a B id. Also counts how many of A's own ids
/// the caller reads by id, so a test can show it is not vacuous.
/// </summary>
public static class ScopeSweep
{
    public sealed record Outcome(IReadOnlyList<string> Failures, int OwnRecordsSeen, int Endpoints);

    public static async Task<Outcome> RunAsync(LnemisFactory factory, TestClient client, IReadOnlyList<Guid> own, IReadOnlyList<Guid> others)
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true
                && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .ToList();
        var failures = new List<string>();
        var ownRecordsSeen = 0;
        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern;
            var names = pattern.Parameters.Select(p => p.Name).ToList();
            var queryIds = IdQueryParameters(endpoint, names.ToHashSet(StringComparer.OrdinalIgnoreCase));
            if (names.Count == 0)
            {
                await CheckAsync(pattern.RawText!, expectRefusal: false);
                foreach (var name in queryIds)
                {
                    foreach (var id in others)
                    {
                        await CheckAsync($"{pattern.RawText}?{name}={id}", expectRefusal: false);
                    }
                }

                continue;
            }

            foreach (var id in others)
            {
                await CheckAsync(Fill(pattern.RawText!, names, id), expectRefusal: true);
            }

            foreach (var id in own)
            {
                var response = await client.GetAsync(Fill(pattern.RawText!, names, id));
                ownRecordsSeen += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
            }
        }

        return new Outcome(failures, ownRecordsSeen, endpoints.Count);

        async Task CheckAsync(string url, bool expectRefusal)
        {
            var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (status >= 500 || (expectRefusal ? status is not (403 or 404) : status is not (200 or 204 or 400 or 403 or 404)))
            {
                failures.Add($"GET {url}: {status} {Shorten(body)}");
            }

            foreach (var id in others.Where(id => body.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase)))
            {
                failures.Add($"GET {url}: the answer contains the other side's record {id}: {Shorten(body)}");
            }
        }
    }

    /// <summary>Query parameters of the handler that take an id (Guid, or a string named …Id).</summary>
    private static List<string> IdQueryParameters(RouteEndpoint endpoint, HashSet<string> routeNames) =>
        endpoint.Metadata.GetMetadata<MethodInfo>()?.GetParameters()
            .Where(p => p.Name is not null && !routeNames.Contains(p.Name)
                && (p.ParameterType == typeof(Guid) || p.ParameterType == typeof(Guid?)
                    || (p.ParameterType == typeof(string) && p.Name.EndsWith("Id", StringComparison.Ordinal))))
            .Select(p => p.Name!)
            .ToList() ?? [];

    private static string Fill(string raw, IEnumerable<string> names, Guid id)
    {
        var url = raw;
        foreach (var name in names)
        {
            var start = url.IndexOf("{" + name, StringComparison.Ordinal);
            var end = url.IndexOf('}', start);
            url = url[..start] + id + url[(end + 1)..];
        }

        return url;
    }

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
