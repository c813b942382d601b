using System.Text.Json;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Institutions;

/// <summary>
/// The filtered institutions that have coordinates, as a GeoJSON FeatureCollection (RFC 7946,
/// longitude first) ready for a map layer; streamed, so a whole country fits.
/// </summary>
public static class InstitutionsGeoJson
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/institutions/geojson", HandleAsync).RequirePermission(InstitutionPermissions.Read).WithTags("Institutions");

    internal static async Task<IResult> HandleAsync([AsParameters] InstitutionFilter filter, ReplicaDbContext db, HttpContext http, CancellationToken ct)
    {
        var (query, errors) = await filter.ApplyAsync(db, ct);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var rows = query.Where(i => i.Latitude != null && i.Longitude != null).OrderBy(i => i.Code)
            .Select(i => new { i.Id, i.Code, i.Name, i.Type, i.Ownership, i.Status, i.Levels, i.Latitude, i.Longitude })
            .AsAsyncEnumerable();

        http.Response.ContentType = "application/geo+json";
        await using var writer = new Utf8JsonWriter(http.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("type", "FeatureCollection");
        writer.WriteStartArray("features");
        var count = 0;
        await foreach (var i in rows.WithCancellation(ct))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "Feature");
            writer.WriteString("id", i.Id);
            writer.WriteStartObject("geometry");
            writer.WriteString("type", "Point");
            writer.WriteStartArray("coordinates");
            writer.WriteNumberValue(Math.Round(i.Longitude!.Value, 6));
            writer.WriteNumberValue(Math.Round(i.Latitude!.Value, 6));
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteStartObject("properties");
            writer.WriteString("code", i.Code);
            writer.WriteString("name", i.Name);
            writer.WriteString("type", i.Type.ToString());
            writer.WriteString("ownership", i.Ownership.ToString());
            writer.WriteString("status", i.Status.ToString());
            writer.WriteString("levels", i.Levels);
            writer.WriteEndObject();
            writer.WriteEndObject();
            if (++count % 500 == 0)
            {
                await writer.FlushAsync(ct);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(ct);
        return TypedResults.Empty;
    }
}
