using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CaseFilesLettersTeamAdminReportMonthsDirectUploads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_correspondence_case_report_rows_is_open_received_on",
                table: "correspondence_case_report_rows");

            migrationBuilder.AddColumn<string>(
                name: "description",
                table: "integrations_webhook_subscriptions",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "server_side_encryption",
                table: "documents_document_versions",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "deactivated_at",
                table: "correspondence_teams",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "deactivated_at",
                table: "correspondence_team_members",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "response_file_id",
                table: "correspondence_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "file_id",
                table: "correspondence_case_transitions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "file_name",
                table: "correspondence_case_transitions",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "correspondence_case_files",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    document_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    uploaded_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    uploaded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version_count = table.Column<int>(type: "INTEGER", nullable: false),
                    removed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    scope_path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_correspondence_case_files", x => x.id);
                    table.ForeignKey(
                        name: "fk_correspondence_case_files_correspondence_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "correspondence_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

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

            migrationBuilder.CreateTable(
                name: "correspondence_letter_templates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    latest_version = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_correspondence_letter_templates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "correspondence_team_reassignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    requested_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    from_team_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    from_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    to_team_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    scope_path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    finished_at = table.Column<long>(type: "INTEGER", nullable: true),
                    moved = table.Column<int>(type: "INTEGER", nullable: false),
                    skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    more = table.Column<bool>(type: "INTEGER", nullable: false),
                    outcomes = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_correspondence_team_reassignments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "documents_document_uploads",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    declared_size = table.Column<long>(type: "INTEGER", nullable: false),
                    declared_content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    classification = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    owner_ref = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    scope_path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    dispose_after = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    quarantine_key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    document_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    version_number = table.Column<int>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    completed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    finished_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_documents_document_uploads", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "correspondence_letter_template_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    template_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    author_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    change_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_correspondence_letter_template_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_correspondence_letter_template_versions_correspondence_letter_templates_template_id",
                        column: x => x.template_id,
                        principalTable: "correspondence_letter_templates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
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

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_case_files_case_id_uploaded_at",
                table: "correspondence_case_files",
                columns: new[] { "case_id", "uploaded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_case_files_document_id",
                table: "correspondence_case_files",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_case_files_scope_path",
                table: "correspondence_case_files",
                column: "scope_path");

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_letter_template_versions_template_id_number",
                table: "correspondence_letter_template_versions",
                columns: new[] { "template_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_letter_templates_type_kind",
                table: "correspondence_letter_templates",
                columns: new[] { "type", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_team_reassignments_scope_path",
                table: "correspondence_team_reassignments",
                column: "scope_path");

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_team_reassignments_started_at",
                table: "correspondence_team_reassignments",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_documents_document_uploads_scope_path",
                table: "documents_document_uploads",
                column: "scope_path");

            migrationBuilder.CreateIndex(
                name: "ix_documents_document_uploads_status_created_at",
                table: "documents_document_uploads",
                columns: new[] { "status", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "correspondence_case_files");

            migrationBuilder.DropTable(
                name: "correspondence_case_report_months");

            migrationBuilder.DropTable(
                name: "correspondence_letter_template_versions");

            migrationBuilder.DropTable(
                name: "correspondence_team_reassignments");

            migrationBuilder.DropTable(
                name: "documents_document_uploads");

            migrationBuilder.DropTable(
                name: "correspondence_letter_templates");

            migrationBuilder.DropIndex(
                name: "ix_correspondence_cases_managing_team_id_final_deadline_number1",
                table: "correspondence_cases");

            migrationBuilder.DropIndex(
                name: "ix_correspondence_cases_responding_team_id_final_deadline_number1",
                table: "correspondence_cases");

            migrationBuilder.DropIndex(
                name: "ix_correspondence_case_report_rows_received_on_team_id_type",
                table: "correspondence_case_report_rows");

            migrationBuilder.DropColumn(
                name: "description",
                table: "integrations_webhook_subscriptions");

            migrationBuilder.DropColumn(
                name: "server_side_encryption",
                table: "documents_document_versions");

            migrationBuilder.DropColumn(
                name: "deactivated_at",
                table: "correspondence_teams");

            migrationBuilder.DropColumn(
                name: "deactivated_at",
                table: "correspondence_team_members");

            migrationBuilder.DropColumn(
                name: "response_file_id",
                table: "correspondence_cases");

            migrationBuilder.DropColumn(
                name: "file_id",
                table: "correspondence_case_transitions");

            migrationBuilder.DropColumn(
                name: "file_name",
                table: "correspondence_case_transitions");

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_case_report_rows_is_open_received_on",
                table: "correspondence_case_report_rows",
                columns: new[] { "is_open", "received_on" });
        }
    }
}
