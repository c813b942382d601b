using Lnemis.Documents.Data;
using Lnemis.Documents.Encryption;
using Lnemis.Platform.Audit;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Documents;

/// <summary>Operator commands of the module (`Lnemis.Server documents rotate-keys`, `documents dispose-expired`); run as the system.</summary>
public static class DocumentsCommands
{
    private const int Batch = 200;

    /// <summary>
    /// Re-wraps every data key not under the active master key with the active one. The files are
    /// not touched: only the small wrapped keys change. Batches commit one by one, so an
    /// interrupted run resumes where it stopped. Returns how many keys were re-wrapped. Versions stored
    /// under S3 server-side encryption have no data key here and are skipped (<see cref="CountServerSideEncryptedAsync"/>).
    /// </summary>
    public static async Task<int> RotateKeysAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<LnemisDbContext>();
        var keys = services.GetRequiredService<IKeyWrapper>();
        var active = keys.ActiveKeyId;
        var total = 0;
        while (true)
        {
            var versions = await db.DocumentVersions().IgnoreQueryFilters().Where(v => v.ServerSideEncryption == null && v.KeyId != active).OrderBy(v => v.Id).Take(Batch).ToListAsync(ct);
            if (versions.Count == 0)
            {
                break;
            }

            foreach (var version in versions)
            {
                var dataKey = await keys.UnwrapAsync(version.KeyId, version.WrappedKey, ct);
                version.WrappedKey = await keys.WrapAsync(active, dataKey, ct);
                version.KeyId = active;
                System.Security.Cryptography.CryptographicOperations.ZeroMemory(dataKey);
            }

            db.RowAuditSuppressed = true;
            db.AddAudit(new PendingAudit("rotate-keys", "DocumentVersion", null, $$"""{"keys":{{versions.Count}},"to":"{{active}}"}"""));
            await db.SaveChangesAsync(ct);
            db.RowAuditSuppressed = false;
            db.ChangeTracker.Clear();
            total += versions.Count;
        }

        return total;
    }

    /// <summary>Versions that key rotation leaves to S3 (server-side encrypted OFFICIAL versions, ADR 0021).</summary>
    public static Task<int> CountServerSideEncryptedAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<LnemisDbContext>().DocumentVersions().IgnoreQueryFilters().CountAsync(v => v.ServerSideEncryption != null, ct);

    /// <summary>Disposes of every document whose DisposeAfter day is before <paramref name="today"/>. Returns how many went.</summary>
    public static Task<int> DisposeExpiredAsync(IServiceProvider services, DateOnly today, CancellationToken ct)
    {
        var documents = services.GetRequiredService<DocumentService>();
        var db = services.GetRequiredService<LnemisDbContext>();
        return documents.DisposeAsync(db.Documents().IgnoreQueryFilters().Where(d => d.DisposeAfter != null && d.DisposeAfter < today), "retention ended", ct);
    }
}
