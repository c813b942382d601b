using Lnemis.Documents.Domain;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Documents.Data;

/// <summary>The Documents module's tables, schema "documents".</summary>
internal sealed class DocumentsModel : IModelContributor
{
    public const string Schema = "documents";

    public void Configure(ModelBuilder model, DatabaseProvider provider)
    {
        model.Entity<Document>(e =>
        {
            e.ToModuleTable(Schema, "documents", provider);
            e.Property(d => d.Id).ValueGeneratedNever();
            e.Property(d => d.OwnerRef).HasMaxLength(200);
            e.Property(d => d.FileName).HasMaxLength(255);
            e.Property(d => d.Classification).HasMaxLength(30);
            e.Property(d => d.ScopePath).HasMaxLength(1000);
            e.HasIndex(d => d.ScopePath);
            e.HasIndex(d => new { d.OwnerRef, d.CreatedAt });
            e.HasIndex(d => d.DisposeAfter);
        });

        model.Entity<DocumentVersion>(e =>
        {
            e.ToModuleTable(Schema, "document_versions", provider);
            e.Property(v => v.Id).ValueGeneratedNever();
            e.Property(v => v.FileName).HasMaxLength(255);
            e.Property(v => v.ContentType).HasMaxLength(100);
            e.Property(v => v.Sha256).HasMaxLength(64);
            e.Property(v => v.StorageKey).HasMaxLength(300);
            e.Property(v => v.KeyId).HasMaxLength(100);
            e.Property(v => v.ServerSideEncryption).HasMaxLength(20);
            e.Property(v => v.WrappedKey).HasMaxLength(200);
            e.Property(v => v.ScanStatus).HasConversion<string>().HasMaxLength(20);
            e.Property(v => v.ScopePath).HasMaxLength(1000);
            e.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
            e.HasIndex(v => v.KeyId);
            e.HasIndex(v => v.ScopePath);
            e.HasOne<Document>().WithMany().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<DocumentUpload>(e =>
        {
            e.ToModuleTable(Schema, "document_uploads", provider);
            e.Property(u => u.Id).ValueGeneratedNever();
            e.Property(u => u.FileName).HasMaxLength(255);
            e.Property(u => u.DeclaredContentType).HasMaxLength(100);
            e.Property(u => u.Classification).HasMaxLength(30);
            e.Property(u => u.OwnerRef).HasMaxLength(200);
            e.Property(u => u.ScopePath).HasMaxLength(1000);
            e.Property(u => u.QuarantineKey).HasMaxLength(300);
            e.Property(u => u.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(u => u.Reason).HasMaxLength(1000);
            e.HasIndex(u => u.ScopePath);
            // The sweep: uploads still waiting, oldest first.
            e.HasIndex(u => new { u.Status, u.CreatedAt });
        });
    }
}

internal static class DocumentsData
{
    public static DbSet<Document> Documents(this LnemisDbContext db) => db.Set<Document>();

    public static DbSet<DocumentVersion> DocumentVersions(this LnemisDbContext db) => db.Set<DocumentVersion>();

    public static DbSet<DocumentUpload> DocumentUploads(this LnemisDbContext db) => db.Set<DocumentUpload>();
}
