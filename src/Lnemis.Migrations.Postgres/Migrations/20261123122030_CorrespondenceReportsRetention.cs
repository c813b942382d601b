using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CorrespondenceReportsRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_report_rows",
                schema: "correspondence",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    managing_team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    responding_team_id = table.Column<Guid>(type: "uuid", nullable: true),
                    team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    received_month = table.Column<int>(type: "integer", nullable: false),
                    final_deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    responded_on = table.Column<DateOnly>(type: "date", nullable: true),
                    timeliness = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    appeal_outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    state = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    is_open = table.Column<bool>(type: "boolean", nullable: false),
                    late_team = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    scope_path = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_report_rows", x => x.case_id);
                });

            migrationBuilder.CreateTable(
                name: "case_retention",
                schema: "correspondence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    scope_path = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    marked_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    on_hold = table.Column<bool>(type: "boolean", nullable: false),
                    hold_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    held_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    anonymised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    disposed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    disposal_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    decided_by = table.Column<Guid>(type: "uuid", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_retention", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "retention_rules",
                schema: "correspondence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    keep_years = table.Column<int>(type: "integer", nullable: false),
                    action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    automatic = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_rules", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_report_rows_is_open_received_on",
                schema: "correspondence",
                table: "case_report_rows",
                columns: new[] { "is_open", "received_on" });

            migrationBuilder.CreateIndex(
                name: "ix_case_report_rows_received_month_type_team_id",
                schema: "correspondence",
                table: "case_report_rows",
                columns: new[] { "received_month", "type", "team_id" });

            migrationBuilder.CreateIndex(
                name: "ix_case_report_rows_scope_path",
                schema: "correspondence",
                table: "case_report_rows",
                column: "scope_path")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_case_report_rows_type_appeal_outcome",
                schema: "correspondence",
                table: "case_report_rows",
                columns: new[] { "type", "appeal_outcome" });

            migrationBuilder.CreateIndex(
                name: "ix_case_retention_due_on_number",
                schema: "correspondence",
                table: "case_retention",
                columns: new[] { "due_on", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_case_retention_number",
                schema: "correspondence",
                table: "case_retention",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_case_retention_scope_path",
                schema: "correspondence",
                table: "case_retention",
                column: "scope_path")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_retention_rules_type",
                schema: "correspondence",
                table: "retention_rules",
                column: "type",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_report_rows",
                schema: "correspondence");

            migrationBuilder.DropTable(
                name: "case_retention",
                schema: "correspondence");

            migrationBuilder.DropTable(
                name: "retention_rules",
                schema: "correspondence");
        }
    }
}
