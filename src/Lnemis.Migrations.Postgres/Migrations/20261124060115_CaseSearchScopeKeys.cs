using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CaseSearchScopeKeys : Migration
    {
        private const string Vector = "to_tsvector('simple'::regconfig, case_words || ' ' || history_words)";

        /// <summary>
        /// Each live case's scope keys ("/", "/group/": every path up to a '/' its scope path starts with) in
        /// its search vector, so a search asks the GIN index for the caller's scope (ADR 0034). The index and the
        /// generated column are dropped first: the keys are filled without maintaining them, and the column is
        /// computed once when added back (PostgreSQL 15 cannot change a generated expression in place).
        /// </summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX correspondence.ix_case_search_search_vector;");
            migrationBuilder.Sql("ALTER TABLE correspondence.case_search DROP COLUMN search_vector;");
            migrationBuilder.Sql("ALTER TABLE correspondence.case_search ADD COLUMN scope_keys text NOT NULL DEFAULT ' ';");
            migrationBuilder.Sql("""
                UPDATE correspondence.case_search AS d
                SET scope_keys = coalesce((
                    SELECT ' ' || string_agg(left(c.scope_path, p), ' ' ORDER BY p) || ' '
                    FROM generate_series(1, length(c.scope_path)) AS p
                    WHERE substr(c.scope_path, p, 1) = '/'), ' ')
                FROM correspondence.cases AS c
                WHERE c.id = d.case_id AND c.deleted_at IS NULL;
                """);
            migrationBuilder.Sql($"ALTER TABLE correspondence.case_search ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({Vector} || array_to_tsvector(string_to_array(btrim(scope_keys), ' '))) STORED;");
            migrationBuilder.Sql("CREATE INDEX ix_case_search_search_vector ON correspondence.case_search USING gin (search_vector);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX correspondence.ix_case_search_search_vector;");
            migrationBuilder.Sql("ALTER TABLE correspondence.case_search DROP COLUMN search_vector;");
            migrationBuilder.Sql("ALTER TABLE correspondence.case_search DROP COLUMN scope_keys;");
            migrationBuilder.Sql($"ALTER TABLE correspondence.case_search ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({Vector}) STORED;");
            migrationBuilder.Sql("CREATE INDEX ix_case_search_search_vector ON correspondence.case_search USING gin (search_vector);");
        }
    }
}
