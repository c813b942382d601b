using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Lnemis.Testing;

namespace Lnemis.Documents.Tests;

/// <summary>The embedded default: local folder, the data folder's key file, no scanner; small size limit for the tests.</summary>
public class DocumentsFactory : LnemisFactory
{
    public const long MaxFileBytes = 3 * 1024 * 1024;

    public DocumentsFactory()
    {
    }

    protected DocumentsFactory(TestDatabase shared)
        : base(shared)
    {
    }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Lnemis:Documents:MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public string DocumentsFolder => Path.Combine(Database.Directory, "documents");

    /// <summary>Every stored object (pending uploads included) under the local backend's folder.</summary>
    public IReadOnlyList<string> StoredFiles() =>
        Directory.Exists(DocumentsFolder) ? Directory.GetFiles(DocumentsFolder, "*", SearchOption.AllDirectories) : [];
}

internal static class Files
{
    public static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    public static readonly byte[] Exe = [.. "MZ"u8, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0, .. "This program cannot be run in DOS mode."u8];
    public const string Eicar = @"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    /// <summary>A PDF-looking file of the given size with varied content (so chunk boundaries carry real data).</summary>
    public static byte[] LargePdf(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        Pdf.AsSpan(0, 8).CopyTo(bytes);
        return bytes;
    }

    public static async Task<HttpResponseMessage> UploadAsync(this TestClient client, byte[] content, string fileName, string classification = "OFFICIAL", string? scopePath = null, string? ownerRef = null)
    {
        var url = $"/api/v1/documents?fileName={Uri.EscapeDataString(fileName)}&classification={classification}"
            + (scopePath is null ? "" : $"&scopePath={Uri.EscapeDataString(scopePath)}")
            + (ownerRef is null ? "" : $"&ownerRef={Uri.EscapeDataString(ownerRef)}");
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await client.Http.PostAsync(url, body);
    }

    public static async Task<JsonNode> UploadOkAsync(this TestClient client, byte[] content, string fileName, string classification = "OFFICIAL", string? scopePath = null) =>
        await (await client.UploadAsync(content, fileName, classification, scopePath)).ReadJsonAsync(HttpStatusCode.Created);

    public static async Task<HttpResponseMessage> AddVersionAsync(this TestClient client, Guid id, byte[] content, string fileName)
    {
        using var body = new ByteArrayContent(content);
        return await client.Http.PostAsync($"/api/v1/documents/{id}/versions?fileName={Uri.EscapeDataString(fileName)}", body);
    }

    public static async Task<byte[]> DownloadAsync(this TestClient client, Guid id, int version)
    {
        var response = await client.GetAsync($"/api/v1/documents/{id}/versions/{version}/content");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static Guid Id(this JsonNode node) => Guid.Parse(node["id"]!.GetValue<string>());

    /// <summary>The field errors of a 400 problem.</summary>
    public static async Task<JsonObject> FieldErrorsAsync(this HttpResponseMessage response) =>
        (await response.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
}
