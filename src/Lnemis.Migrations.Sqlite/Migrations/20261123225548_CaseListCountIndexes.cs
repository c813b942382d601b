using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CaseListCountIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_correspondence_cases_scope_path",
                table: "correspondence_cases");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_correspondence_cases_scope_path",
                table: "correspondence_cases",
                column: "scope_path");
        }
    }
}
