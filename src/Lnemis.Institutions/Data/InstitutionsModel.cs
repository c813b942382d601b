using Lnemis.Institutions.Domain;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Data;

/// <summary>The Institutions module's tables, schema "institutions".</summary>
internal sealed class InstitutionsModel : IModelContributor
{
    public const string Schema = "institutions";

    public void Configure(ModelBuilder model, DatabaseProvider provider)
    {
        model.Entity<Area>(e =>
        {
            e.ToModuleTable(Schema, "areas", provider);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.Code).HasMaxLength(50);
            e.HasIndex(a => a.Code).IsUnique();
            e.Property(a => a.Name).HasMaxLength(200);
            e.Property(a => a.ScopePath).HasMaxLength(1000);
            e.HasIndex(a => a.ScopePath);
            e.HasIndex(a => a.ParentId);
            e.HasOne<Area>().WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

internal static class InstitutionsData
{
    public static DbSet<Area> Areas(this LnemisDbContext db) => db.Set<Area>();
}
