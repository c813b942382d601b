using System.Net;
using System.Security.Cryptography;
using Lnemis.Documents.Data;
using Lnemis.Identity.Domain;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Documents.Tests;

public sealed class KeyRotationTests
{
    private static readonly string K1 = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string K2 = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task RotateKeys_RewrapsEveryDataKey_WithoutRewritingFiles_AndTheOldKeyCanThenGo()
    {
        await using var database = await TestDatabase.CreateAsync();
        Guid id;
        byte[] content = Files.LargePdf(150_000);
        string storedFile;
        byte[] ciphertextBefore;
        await using (var before = await KeyedFactory.StartAsync(database, "k1", ("k1", K1)))
        {
            var (client, _) = await new Given(before).SignedInAsync(RoleCatalog.AreaOfficer, await new Given(before).AreaAsync());
            id = (await client.UploadOkAsync(content, "rotated.pdf")).Id();
            storedFile = Assert.Single(before.StoredFiles(), f => f.Contains(id.ToString("N"), StringComparison.Ordinal));
            ciphertextBefore = await File.ReadAllBytesAsync(storedFile);
        }

        await using (var rotating = await KeyedFactory.StartAsync(database, "k2", ("k1", K1), ("k2", K2)))
        {
            var rewrapped = await rotating.AsSystemAsync(sp => DocumentsCommands.RotateKeysAsync(sp, CancellationToken.None));
            Assert.Equal(1, rewrapped);
            Assert.Equal(0, await rotating.AsSystemAsync(sp => DocumentsCommands.RotateKeysAsync(sp, CancellationToken.None)));
            Assert.Equal("k2", await rotating.WithDbAsync(db => db.DocumentVersions().Where(v => v.DocumentId == id).Select(v => v.KeyId).SingleAsync()));
        }

        Assert.Equal(ciphertextBefore, await File.ReadAllBytesAsync(storedFile));
        await using var after = await KeyedFactory.StartAsync(database, "k2", ("k2", K2));
        var (reader, _) = await new Given(after).SignedInAsync(RoleCatalog.AreaOfficer);
        Assert.Equal(content, await reader.DownloadAsync(id, 1));
    }

    [Fact]
    public async Task WithoutTheMasterKey_ADocumentIsNotReadable()
    {
        await using var database = await TestDatabase.CreateAsync();
        Guid id;
        await using (var before = await KeyedFactory.StartAsync(database, "k1", ("k1", K1)))
        {
            var (client, _) = await new Given(before).SignedInAsync(RoleCatalog.AreaOfficer);
            id = (await client.UploadOkAsync(Files.Pdf, "lost.pdf")).Id();
        }

        await using var after = await KeyedFactory.StartAsync(database, "k2", ("k2", K2));
        var (reader, _) = await new Given(after).SignedInAsync(RoleCatalog.AreaOfficer);
        var response = await reader.GetAsync($"/api/v1/documents/{id}/versions/1/content");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    private sealed class KeyedFactory : DocumentsFactory
    {
        private readonly Dictionary<string, string?> settings;

        private KeyedFactory(TestDatabase database, string active, (string Id, string Key)[] keys)
            : base(database)
        {
            settings = new() { ["Lnemis:Documents:Encryption:ActiveKeyId"] = active };
            foreach (var (keyId, key) in keys)
            {
                settings[$"Lnemis:Documents:Encryption:MasterKeys:{keyId}"] = key;
            }
        }

        protected override IReadOnlyDictionary<string, string?> Settings => settings;

        public static async Task<KeyedFactory> StartAsync(TestDatabase database, string active, params (string Id, string Key)[] keys)
        {
            var factory = new KeyedFactory(database, active, keys);
            await factory.InitializeAsync();
            return factory;
        }
    }
}
