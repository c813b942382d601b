using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace Lnemis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CorrespondenceSearchAndListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cases_final_deadline",
                schema: "correspondence",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_managing_team_id",
                schema: "correspondence",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_responder_id",
                schema: "correspondence",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_responding_team_id",
                schema: "correspondence",
                table: "cases");

            migrationBuilder.CreateTable(
                name: "case_search",
                schema: "correspondence",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_words = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    history_words = table.Column<string>(type: "text", nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "to_tsvector('simple'::regconfig, case_words || ' ' || history_words)", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_search", x => x.case_id);
                    table.ForeignKey(
                        name: "fk_case_search_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "correspondence",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cases_final_deadline_number",
                schema: "correspondence",
                table: "cases",
                columns: new[] { "final_deadline", "number" },
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_cases_final_deadline_number1",
                schema: "correspondence",
                table: "cases",
                columns: new[] { "final_deadline", "number" },
                filter: "deleted_at IS NULL AND state <> 'closed'");

            migrationBuilder.CreateIndex(
                name: "ix_cases_managing_team_id_final_deadline_number",
                schema: "correspondence",
                table: "cases",
                columns: new[] { "managing_team_id", "final_deadline", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_responder_id_final_deadline_number",
                schema: "correspondence",
                table: "cases",
                columns: new[] { "responder_id", "final_deadline", "number" },
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_cases_responder_id_final_deadline_number1",
                schema: "correspondence",
                table: "cases",
                columns: new[] { "responder_id", "final_deadline", "number" },
                filter: "deleted_at IS NULL AND state <> 'closed'");

            migrationBuilder.CreateIndex(
                name: "ix_cases_responding_team_id_final_deadline_number",
                schema: "correspondence",
                table: "cases",
                columns: new[] { "responding_team_id", "final_deadline", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_state_final_deadline_number",
                schema: "correspondence",
                table: "cases",
                columns: new[] { "state", "final_deadline", "number" },
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_case_search_search_vector",
                schema: "correspondence",
                table: "case_search",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_search",
                schema: "correspondence");

            migrationBuilder.DropIndex(
                name: "ix_cases_final_deadline_number",
                schema: "correspondence",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_final_deadline_number1",
                schema: "correspondence",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_managing_team_id_final_deadline_number",
                schema: "correspondence",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_responder_id_final_deadline_number",
                schema: "correspondence",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_responder_id_final_deadline_number1",
                schema: "correspondence",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_responding_team_id_final_deadline_number",
                schema: "correspondence",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_state_final_deadline_number",
                schema: "correspondence",
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "ix_cases_final_deadline",
                schema: "correspondence",
                table: "cases",
                column: "final_deadline");

            migrationBuilder.CreateIndex(
                name: "ix_cases_managing_team_id",
                schema: "correspondence",
                table: "cases",
                column: "managing_team_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_responder_id",
                schema: "correspondence",
                table: "cases",
                column: "responder_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_responding_team_id",
                schema: "correspondence",
                table: "cases",
                column: "responding_team_id");
        }
    }
}
