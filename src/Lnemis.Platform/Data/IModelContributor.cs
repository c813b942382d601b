using Lnemis.Platform.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lnemis.Platform.Data;

/// <summary>
/// A module's part of the data model. Each module keeps its entity types internal and adds
/// them to the one <see cref="LnemisDbContext"/> through this, in its own schema.
/// </summary>
public interface IModelContributor
{
    void Configure(ModelBuilder model, DatabaseProvider provider);
}

public static class ModelBuilderExtensions
{
    /// <summary>Maps to schema.table on PostgreSQL and to schema_table on SQLite (no schemas there).</summary>
    public static EntityTypeBuilder<T> ToModuleTable<T>(this EntityTypeBuilder<T> entity, string schema, string table, DatabaseProvider provider)
        where T : class
    {
        return provider == DatabaseProvider.Postgres ? entity.ToTable(table, schema) : entity.ToTable($"{schema}_{table}");
    }

    /// <summary>Maps a table that another module owns (and migrates) without including it in this module's model changes.</summary>
    public static EntityTypeBuilder<T> ToModuleTableReadOnly<T>(this EntityTypeBuilder<T> entity, string schema, string table, DatabaseProvider provider)
        where T : class
    {
        return provider == DatabaseProvider.Postgres
            ? entity.ToTable(table, schema, t => t.ExcludeFromMigrations())
            : entity.ToTable($"{schema}_{table}", t => t.ExcludeFromMigrations());
    }
}
