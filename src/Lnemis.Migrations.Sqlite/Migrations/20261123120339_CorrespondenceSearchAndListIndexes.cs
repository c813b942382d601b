using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CorrespondenceSearchAndListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_correspondence_cases_final_deadline",
                table: "correspondence_cases");

            migrationBuilder.DropIndex(
                name: "ix_correspondence_cases_managing_team_id",
                table: "correspondence_cases");

            migrationBuilder.DropIndex(
                name: "ix_correspondence_cases_responder_id",
                table: "correspondence_cases");

            migrationBuilder.DropIndex(
                name: "ix_correspondence_cases_responding_team_id",
                table: "correspondence_cases");

            migrationBuilder.CreateTable(
                name: "correspondence_case_search",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_words = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    history_words = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_correspondence_case_search", x => x.case_id);
                    table.ForeignKey(
                        name: "fk_correspondence_case_search_correspondence_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "correspondence_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_cases_final_deadline_number",
                table: "correspondence_cases",
                columns: new[] { "final_deadline", "number" },
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_cases_final_deadline_number1",
                table: "correspondence_cases",
                columns: new[] { "final_deadline", "number" },
                filter: "deleted_at IS NULL AND state <> 'closed'");

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_cases_managing_team_id_final_deadline_number",
                table: "correspondence_cases",
                columns: new[] { "managing_team_id", "final_deadline", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_cases_responder_id_final_deadline_number",
                table: "correspondence_cases",
                columns: new[] { "responder_id", "final_deadline", "number" },
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_cases_responder_id_final_deadline_number1",
                table: "correspondence_cases",
                columns: new[] { "responder_id", "final_deadline", "number" },
                filter: "deleted_at IS NULL AND state <> 'closed'");

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_cases_responding_team_id_final_deadline_number",
                table: "correspondence_cases",
                columns: new[] { "responding_team_id", "final_deadline", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_cases_state_final_deadline_number",
                table: "correspondence_cases",
                columns: new[] { "state", "final_deadline", "number" },
                filter: "deleted_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "correspondence_case_search");

            migrationBuilder.DropIndex(
                name: "ix_correspondence_cases_final_deadline_number",
                table: "correspondence_cases");

            migrationBuilder.DropIndex(
                name: "ix_correspondence_cases_final_deadline_number1",
                table: "correspondence_cases");

            migrationBuilder.DropIndex(
                name: "ix_correspondence_cases_managing_team_id_final_deadline_number",
                table: "correspondence_cases");

            migrationBuilder.DropIndex(
                name: "ix_correspondence_cases_responder_id_final_deadline_number",
                table: "correspondence_cases");

            migrationBuilder.DropIndex(
                name: "ix_correspondence_cases_responder_id_final_deadline_number1",
                table: "correspondence_cases");

            migrationBuilder.DropIndex(
                name: "ix_correspondence_cases_responding_team_id_final_deadline_number",
                table: "correspondence_cases");

            migrationBuilder.DropIndex(
                name: "ix_correspondence_cases_state_final_deadline_number",
                table: "correspondence_cases");

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_cases_final_deadline",
                table: "correspondence_cases",
                column: "final_deadline");

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_cases_managing_team_id",
                table: "correspondence_cases",
                column: "managing_team_id");

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_cases_responder_id",
                table: "correspondence_cases",
                column: "responder_id");

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_cases_responding_team_id",
                table: "correspondence_cases",
                column: "responding_team_id");
        }
    }
}
