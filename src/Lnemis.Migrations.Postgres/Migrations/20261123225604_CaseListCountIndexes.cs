using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CaseListCountIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cases_responder_id_final_deadline_number1",
                schema: "correspondence",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_scope_path",
                schema: "correspondence",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_state_final_deadline_number",
                schema: "correspondence",
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "ix_cases_responder_id_final_deadline_number1",
                schema: "correspondence",
                table: "cases",
                columns: new[] { "responder_id", "final_deadline", "number" },
                filter: "deleted_at IS NULL AND state <> 'closed'")
                .Annotation("Npgsql:IndexInclude", new[] { "scope_path", "responded_on" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_state_final_deadline_number",
                schema: "correspondence",
                table: "cases",
                columns: new[] { "state", "final_deadline", "number" },
                filter: "deleted_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "scope_path" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cases_responder_id_final_deadline_number1",
                schema: "correspondence",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_state_final_deadline_number",
                schema: "correspondence",
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "ix_cases_responder_id_final_deadline_number1",
                schema: "correspondence",
                table: "cases",
                columns: new[] { "responder_id", "final_deadline", "number" },
                filter: "deleted_at IS NULL AND state <> 'closed'");

            migrationBuilder.CreateIndex(
                name: "ix_cases_scope_path",
                schema: "correspondence",
                table: "cases",
                column: "scope_path")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_state_final_deadline_number",
                schema: "correspondence",
                table: "cases",
                columns: new[] { "state", "final_deadline", "number" },
                filter: "deleted_at IS NULL");
        }
    }
}
