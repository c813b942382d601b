using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AgeingIndexCovers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_case_report_rows_received_on_team_id_type",
                schema: "correspondence",
                table: "case_report_rows");

            migrationBuilder.CreateIndex(
                name: "ix_case_report_rows_received_on_team_id_type",
                schema: "correspondence",
                table: "case_report_rows",
                columns: new[] { "received_on", "team_id", "type" },
                filter: "is_open")
                .Annotation("Npgsql:IndexInclude", new[] { "scope_path", "deleted_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_case_report_rows_received_on_team_id_type",
                schema: "correspondence",
                table: "case_report_rows");

            migrationBuilder.CreateIndex(
                name: "ix_case_report_rows_received_on_team_id_type",
                schema: "correspondence",
                table: "case_report_rows",
                columns: new[] { "received_on", "team_id", "type" },
                filter: "is_open");
        }
    }
}
