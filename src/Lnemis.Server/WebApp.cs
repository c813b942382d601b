using Lnemis.Platform.Api;
using Lnemis.Platform.Hosting;
using Microsoft.Extensions.FileProviders;

namespace Lnemis.Server;

/// <summary>Finds the built web app (src/web/dist) and serves it from the same origin as the API.</summary>
internal static class WebApp
{
    public static string? FindRoot(LnemisOptions options, IWebHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.Web.Root))
        {
            var configured = Path.GetFullPath(options.Web.Root);
            return File.Exists(Path.Combine(configured, "index.html")) ? configured : null;
        }

        foreach (var start in new[] { environment.ContentRootPath, AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "src", "web", "dist");
                if (File.Exists(Path.Combine(candidate, "index.html")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static void MapFallback(WebApplication app, string? webRoot)
    {
        // Unknown API routes are a 404 problem, never the web app's page.
        app.Map("/api/{**rest}", () => Problems.NotFound("The API route")).AllowAnonymous().ExcludeFromDescription();
        if (webRoot is not null)
        {
            app.MapFallbackToFile("index.html", new StaticFileOptions { FileProvider = new PhysicalFileProvider(webRoot) }).AllowAnonymous();
        }
        else
        {
            app.MapGet("/", () => Results.Content(
                "<!doctype html><html lang=\"en\"><title>LNEMIS</title><main><h1>LNEMIS</h1><p>The API is running. The web app is not built: run <code>npm ci &amp;&amp; npm run build</code> in <code>src/web</code>.</p></main></html>",
                "text/html")).AllowAnonymous().ExcludeFromDescription();
        }
    }
}
