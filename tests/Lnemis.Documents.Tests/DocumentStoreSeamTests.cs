using System.Net;
using Lnemis.Platform.Data;
using Lnemis.Platform.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Documents.Tests;

/// <summary>The seam other modules use (Correspondence will attach response files through it).</summary>
public sealed class DocumentStoreSeamTests(DocumentsFactory factory) : IClassFixture<DocumentsFactory>
{
    [Fact]
    public async Task AnotherModule_StoresListsLinksAndDisposesItsOwnersDocuments()
    {
        var owner = $"correspondence.case:{Guid.NewGuid()}";
        var store = (IServiceProvider sp) => sp.GetRequiredService<IDocumentStore>();

        var first = await factory.AsSystemAsync(sp => store(sp).StoreAsync(
            new NewDocument(owner, "response.pdf", Classification.OfficialSensitive, "/"), new MemoryStream(Files.Pdf), CancellationToken.None));
        Assert.True(first.Ok, first.Reason);
        var documentId = first.Stored!.DocumentId;
        var second = await factory.AsSystemAsync(sp => store(sp).StoreAsync(
            new NewDocument(owner, "response-v2.pdf", Classification.OfficialSensitive, "/", DocumentId: documentId), new MemoryStream(Files.LargePdf(4000)), CancellationToken.None));
        Assert.Equal(2, second.Stored!.Number);
        var refused = await factory.AsSystemAsync(sp => store(sp).StoreAsync(
            new NewDocument(owner, "virus.pdf", Classification.Official, "/"), new MemoryStream(Files.Exe), CancellationToken.None));
        Assert.Equal("file", refused.Field);

        var versions = await factory.AsSystemAsync(sp => store(sp).ListVersionsAsync(documentId, CancellationToken.None));
        Assert.Equal([2, 1], versions.Select(v => v.Number));
        var link = await factory.AsSystemAsync(sp => store(sp).IssueDownloadLinkAsync(documentId, 1, CancellationToken.None));
        using var browser = factory.CreateTestClient();
        Assert.Equal(Files.Pdf, await (await browser.GetAsync(link!.Url)).Content.ReadAsByteArrayAsync());

        Assert.Equal(1, await factory.AsSystemAsync(sp => store(sp).DisposeOwnerAsync(owner, CancellationToken.None)));
        Assert.Empty(await factory.AsSystemAsync(sp => store(sp).ListVersionsAsync(documentId, CancellationToken.None)));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(link.Url)).StatusCode);
    }
}
