using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CaseSearchScopeKeys : Migration
    {
        /// <summary>The scope keys of the case search documents (read on PostgreSQL only, ADR 0034).</summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "scope_keys",
                table: "correspondence_case_search",
                type: "TEXT",
                nullable: false,
                defaultValue: " ");

            // Cases sit at their business group's path ("/group/", CreateCase), whose keys are "/" and the path.
            // SQLite searches the word lists alone; the keys are kept so the documents match the observer's.
            migrationBuilder.Sql("""
                UPDATE correspondence_case_search
                SET scope_keys = ' / ' || (SELECT c.scope_path FROM correspondence_cases AS c WHERE c.id = correspondence_case_search.case_id) || ' '
                WHERE EXISTS (
                    SELECT 1 FROM correspondence_cases AS c
                    WHERE c.id = correspondence_case_search.case_id AND c.deleted_at IS NULL AND c.scope_path <> '/');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "scope_keys",
                table: "correspondence_case_search");
        }
    }
}
