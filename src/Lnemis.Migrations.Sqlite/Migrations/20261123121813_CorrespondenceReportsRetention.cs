using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CorrespondenceReportsRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "correspondence_case_report_rows",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    managing_team_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    responding_team_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    team_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    received_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    received_month = table.Column<int>(type: "INTEGER", nullable: false),
                    final_deadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    responded_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    timeliness = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    appeal_outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    state = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    is_open = table.Column<bool>(type: "INTEGER", nullable: false),
                    late_team = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    scope_path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    deleted_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_correspondence_case_report_rows", x => x.case_id);
                });

            migrationBuilder.CreateTable(
                name: "correspondence_case_retention",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    scope_path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    marked_due_at = table.Column<long>(type: "INTEGER", nullable: true),
                    on_hold = table.Column<bool>(type: "INTEGER", nullable: false),
                    hold_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    held_at = table.Column<long>(type: "INTEGER", nullable: true),
                    anonymised_at = table.Column<long>(type: "INTEGER", nullable: true),
                    disposed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    disposal_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    decided_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_correspondence_case_retention", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "correspondence_retention_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    keep_years = table.Column<int>(type: "INTEGER", nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    automatic = table.Column<bool>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_correspondence_retention_rules", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_case_report_rows_is_open_received_on",
                table: "correspondence_case_report_rows",
                columns: new[] { "is_open", "received_on" });

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_case_report_rows_received_month_type_team_id",
                table: "correspondence_case_report_rows",
                columns: new[] { "received_month", "type", "team_id" });

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_case_report_rows_scope_path",
                table: "correspondence_case_report_rows",
                column: "scope_path");

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_case_report_rows_type_appeal_outcome",
                table: "correspondence_case_report_rows",
                columns: new[] { "type", "appeal_outcome" });

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_case_retention_due_on_number",
                table: "correspondence_case_retention",
                columns: new[] { "due_on", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_case_retention_number",
                table: "correspondence_case_retention",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_case_retention_scope_path",
                table: "correspondence_case_retention",
                column: "scope_path");

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_retention_rules_type",
                table: "correspondence_retention_rules",
                column: "type",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "correspondence_case_report_rows");

            migrationBuilder.DropTable(
                name: "correspondence_case_retention");

            migrationBuilder.DropTable(
                name: "correspondence_retention_rules");
        }
    }
}
