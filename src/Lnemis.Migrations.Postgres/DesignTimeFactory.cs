using Lnemis.Platform.Hosting;
using Microsoft.EntityFrameworkCore.Design;

namespace Lnemis.Migrations.Postgres;

/// <summary>Lets `dotnet ef` build the context with every module's model on PostgreSQL (no server needed to add a migration).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<Lnemis.Platform.Data.LnemisDbContext>
{
    public Lnemis.Platform.Data.LnemisDbContext CreateDbContext(string[] args) =>
        Lnemis.Migrations.ModuleCatalog.CreateContext(DatabaseProvider.Postgres, "Host=localhost;Database=lnemis_design");
}
