using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CorrPerf : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_correspondence_case_report_rows_is_open_received_on",
                table: "correspondence_case_report_rows");

            migrationBuilder.CreateTable(
                name: "correspondence_case_report_months",
                columns: table => new
                {
                    scope_path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    received_month = table.Column<int>(type: "INTEGER", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    managing_team_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    team_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    timeliness = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    appeal_result = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    cases = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_correspondence_case_report_months", x => new { x.received_month, x.type, x.team_id, x.managing_team_id, x.timeliness, x.appeal_result, x.scope_path });
                });

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_cases_managing_team_id_final_deadline_number1",
                table: "correspondence_cases",
                columns: new[] { "managing_team_id", "final_deadline", "number" },
                filter: "deleted_at IS NULL AND state <> 'closed'");

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_cases_responding_team_id_final_deadline_number1",
                table: "correspondence_cases",
                columns: new[] { "responding_team_id", "final_deadline", "number" },
                filter: "deleted_at IS NULL AND state <> 'closed'");

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_case_report_rows_received_on_team_id_type",
                table: "correspondence_case_report_rows",
                columns: new[] { "received_on", "team_id", "type" },
                filter: "is_open");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "correspondence_case_report_months");

            migrationBuilder.DropIndex(
                name: "ix_correspondence_cases_managing_team_id_final_deadline_number1",
                table: "correspondence_cases");

            migrationBuilder.DropIndex(
                name: "ix_correspondence_cases_responding_team_id_final_deadline_number1",
                table: "correspondence_cases");

            migrationBuilder.DropIndex(
                name: "ix_correspondence_case_report_rows_received_on_team_id_type",
                table: "correspondence_case_report_rows");

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_case_report_rows_is_open_received_on",
                table: "correspondence_case_report_rows",
                columns: new[] { "is_open", "received_on" });
        }
    }
}
