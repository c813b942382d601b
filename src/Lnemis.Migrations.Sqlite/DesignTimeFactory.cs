using Lnemis.Platform.Hosting;
using Microsoft.EntityFrameworkCore.Design;

namespace Lnemis.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the context with every module's model on SQLite.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<Lnemis.Platform.Data.LnemisDbContext>
{
    public Lnemis.Platform.Data.LnemisDbContext CreateDbContext(string[] args) =>
        Lnemis.Migrations.ModuleCatalog.CreateContext(DatabaseProvider.Sqlite, "Data Source=design-time.db");
}
