using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lnemis.Platform.Data;

/// <summary>Delimited table and column names for the few statements written in SQL (bulk updates, COPY).</summary>
public static class SqlNames
{
    /// <summary>The schema-qualified, quoted table of an entity type (SQLite has no schemas: just the table).</summary>
    public static string Table(DbContext db, IEntityType entity) =>
        db.GetService<ISqlGenerationHelper>().DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());

    /// <summary>The quoted column of a property in its entity's table.</summary>
    public static string Column(DbContext db, IProperty property) =>
        db.GetService<ISqlGenerationHelper>().DelimitIdentifier(
            property.GetColumnName(StoreObjectIdentifier.Table(property.DeclaringType.ContainingEntityType.GetTableName()!, property.DeclaringType.ContainingEntityType.GetSchema()))!);
}
