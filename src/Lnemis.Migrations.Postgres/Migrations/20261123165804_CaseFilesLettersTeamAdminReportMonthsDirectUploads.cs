using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CaseFilesLettersTeamAdminReportMonthsDirectUploads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_case_report_rows_is_open_received_on",
                schema: "correspondence",
                table: "case_report_rows");

            migrationBuilder.AddColumn<string>(
                name: "description",
                schema: "integrations",
                table: "webhook_subscriptions",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "deactivated_at",
                schema: "correspondence",
                table: "teams",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "deactivated_at",
                schema: "correspondence",
                table: "team_members",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "server_side_encryption",
                schema: "documents",
                table: "document_versions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "response_file_id",
                schema: "correspondence",
                table: "cases",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "file_id",
                schema: "correspondence",
                table: "case_transitions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "file_name",
                schema: "correspondence",
                table: "case_transitions",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "case_files",
                schema: "correspondence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    file_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    content_type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    uploaded_by = table.Column<Guid>(type: "uuid", nullable: true),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version_count = table.Column<int>(type: "integer", nullable: false),
                    removed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    scope_path = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_files", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_files_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "correspondence",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_report_months",
                schema: "correspondence",
                columns: table => new
                {
                    scope_path = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    received_month = table.Column<int>(type: "integer", nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    managing_team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    timeliness = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    appeal_result = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    cases = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_report_months", x => new { x.received_month, x.type, x.team_id, x.managing_team_id, x.timeliness, x.appeal_result, x.scope_path });
                });

            migrationBuilder.CreateTable(
                name: "document_uploads",
                schema: "documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    declared_size = table.Column<long>(type: "bigint", nullable: false),
                    declared_content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    classification = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    owner_ref = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    scope_path = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    dispose_after = table.Column<DateOnly>(type: "date", nullable: true),
                    quarantine_key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    version_number = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_uploads", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "letter_templates",
                schema: "correspondence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    latest_version = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_letter_templates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "team_reassignments",
                schema: "correspondence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_by = table.Column<Guid>(type: "uuid", nullable: true),
                    from_team_id = table.Column<Guid>(type: "uuid", nullable: true),
                    from_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    to_team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    scope_path = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    moved = table.Column<int>(type: "integer", nullable: false),
                    skipped = table.Column<int>(type: "integer", nullable: false),
                    more = table.Column<bool>(type: "boolean", nullable: false),
                    outcomes = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_team_reassignments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "letter_template_versions",
                schema: "correspondence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    template_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: true),
                    change_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_letter_template_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_letter_template_versions_letter_templates_template_id",
                        column: x => x.template_id,
                        principalSchema: "correspondence",
                        principalTable: "letter_templates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cases_managing_team_id_final_deadline_number1",
                schema: "correspondence",
                table: "cases",
                columns: new[] { "managing_team_id", "final_deadline", "number" },
                filter: "deleted_at IS NULL AND state <> 'closed'");

            migrationBuilder.CreateIndex(
                name: "ix_cases_responding_team_id_final_deadline_number1",
                schema: "correspondence",
                table: "cases",
                columns: new[] { "responding_team_id", "final_deadline", "number" },
                filter: "deleted_at IS NULL AND state <> 'closed'");

            migrationBuilder.CreateIndex(
                name: "ix_case_report_rows_received_on_team_id_type",
                schema: "correspondence",
                table: "case_report_rows",
                columns: new[] { "received_on", "team_id", "type" },
                filter: "is_open");

            migrationBuilder.CreateIndex(
                name: "ix_case_files_case_id_uploaded_at",
                schema: "correspondence",
                table: "case_files",
                columns: new[] { "case_id", "uploaded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_case_files_document_id",
                schema: "correspondence",
                table: "case_files",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_files_scope_path",
                schema: "correspondence",
                table: "case_files",
                column: "scope_path")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_document_uploads_scope_path",
                schema: "documents",
                table: "document_uploads",
                column: "scope_path")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_document_uploads_status_created_at",
                schema: "documents",
                table: "document_uploads",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_letter_template_versions_template_id_number",
                schema: "correspondence",
                table: "letter_template_versions",
                columns: new[] { "template_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_letter_templates_type_kind",
                schema: "correspondence",
                table: "letter_templates",
                columns: new[] { "type", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_team_reassignments_scope_path",
                schema: "correspondence",
                table: "team_reassignments",
                column: "scope_path")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_team_reassignments_started_at",
                schema: "correspondence",
                table: "team_reassignments",
                column: "started_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_files",
                schema: "correspondence");

            migrationBuilder.DropTable(
                name: "case_report_months",
                schema: "correspondence");

            migrationBuilder.DropTable(
                name: "document_uploads",
                schema: "documents");

            migrationBuilder.DropTable(
                name: "letter_template_versions",
                schema: "correspondence");

            migrationBuilder.DropTable(
                name: "team_reassignments",
                schema: "correspondence");

            migrationBuilder.DropTable(
                name: "letter_templates",
                schema: "correspondence");

            migrationBuilder.DropIndex(
                name: "ix_cases_managing_team_id_final_deadline_number1",
                schema: "correspondence",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_responding_team_id_final_deadline_number1",
                schema: "correspondence",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_case_report_rows_received_on_team_id_type",
                schema: "correspondence",
                table: "case_report_rows");

            migrationBuilder.DropColumn(
                name: "description",
                schema: "integrations",
                table: "webhook_subscriptions");

            migrationBuilder.DropColumn(
                name: "deactivated_at",
                schema: "correspondence",
                table: "teams");

            migrationBuilder.DropColumn(
                name: "deactivated_at",
                schema: "correspondence",
                table: "team_members");

            migrationBuilder.DropColumn(
                name: "server_side_encryption",
                schema: "documents",
                table: "document_versions");

            migrationBuilder.DropColumn(
                name: "response_file_id",
                schema: "correspondence",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "file_id",
                schema: "correspondence",
                table: "case_transitions");

            migrationBuilder.DropColumn(
                name: "file_name",
                schema: "correspondence",
                table: "case_transitions");

            migrationBuilder.CreateIndex(
                name: "ix_case_report_rows_is_open_received_on",
                schema: "correspondence",
                table: "case_report_rows",
                columns: new[] { "is_open", "received_on" });
        }
    }
}
