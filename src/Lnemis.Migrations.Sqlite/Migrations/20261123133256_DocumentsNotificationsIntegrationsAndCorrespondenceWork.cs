using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DocumentsNotificationsIntegrationsAndCorrespondenceWork : Migration
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

            migrationBuilder.AddColumn<string>(
                name: "phone_number",
                table: "identity_users",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "correspondence_case_deadline_reminders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_correspondence_case_deadline_reminders", x => x.id);
                    table.ForeignKey(
                        name: "fk_correspondence_case_deadline_reminders_correspondence_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "correspondence_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

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

            migrationBuilder.CreateTable(
                name: "correspondence_holiday_calendar_stamps",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_correspondence_holiday_calendar_stamps", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "correspondence_holiday_calendars",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_correspondence_holiday_calendars", x => x.id);
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

            migrationBuilder.CreateTable(
                name: "documents_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    owner_ref = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    classification = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    scope_path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    latest_version = table.Column<int>(type: "INTEGER", nullable: false),
                    dispose_after = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_documents_documents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "integrations_identity_verifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    scope_path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    result = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    national_id_hint = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    checked_by = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    checked_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_integrations_identity_verifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "integrations_payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    amount_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    payer_reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    payer_phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    gateway_reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    redirect_url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    failure_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    scope_path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    paid_at = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_integrations_payments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "integrations_webhook_subscriptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    event_types = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    scope_path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    secret_protected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    disabled_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    disabled_at = table.Column<long>(type: "INTEGER", nullable: true),
                    consecutive_failures = table.Column<int>(type: "INTEGER", nullable: false),
                    last_delivered_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    deleted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_integrations_webhook_subscriptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "notifications_deliveries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    request_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    @event = table.Column<string>(name: "event", type: "TEXT", maxLength: 100, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    address = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    locked_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    locked_until = table.Column<long>(type: "INTEGER", nullable: true),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: true),
                    provider_reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications_deliveries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "notifications_dev_mailbox",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    to = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications_dev_mailbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "notifications_in_app",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    request_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    @event = table.Column<string>(name: "event", type: "TEXT", maxLength: 100, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    link = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    read_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications_in_app", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "notifications_preferences",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    disabled = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    quiet_hours_start = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    quiet_hours_end = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications_preferences", x => x.user_id);
                });

            migrationBuilder.CreateTable(
                name: "notifications_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    @event = table.Column<string>(name: "event", type: "TEXT", maxLength: 100, nullable: false),
                    requested_at = table.Column<long>(type: "INTEGER", nullable: false),
                    processed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    deliveries = table.Column<int>(type: "INTEGER", nullable: false),
                    problem = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "notifications_templates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    @event = table.Column<string>(name: "event", type: "TEXT", maxLength: 100, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications_templates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "correspondence_public_holidays",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    calendar_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    notes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    bunting = table.Column<bool>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_correspondence_public_holidays", x => x.id);
                    table.ForeignKey(
                        name: "fk_correspondence_public_holidays_correspondence_holiday_calendars_calendar_id",
                        column: x => x.calendar_id,
                        principalTable: "correspondence_holiday_calendars",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "documents_document_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    document_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    storage_key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    key_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    wrapped_key = table.Column<byte[]>(type: "BLOB", maxLength: 200, nullable: false),
                    scan_status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    scope_path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_documents_document_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_documents_document_versions_documents_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "documents_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "integrations_webhook_deliveries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subscription_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    event_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    event_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    body = table.Column<string>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_attempt_at = table.Column<long>(type: "INTEGER", nullable: true),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: true),
                    delivered_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_status_code = table.Column<int>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_integrations_webhook_deliveries", x => x.id);
                    table.ForeignKey(
                        name: "fk_integrations_webhook_deliveries_integrations_webhook_subscriptions_subscription_id",
                        column: x => x.subscription_id,
                        principalTable: "integrations_webhook_subscriptions",
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

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_case_deadline_reminders_case_id_kind_deadline",
                table: "correspondence_case_deadline_reminders",
                columns: new[] { "case_id", "kind", "deadline" },
                unique: true);

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
                name: "ix_correspondence_holiday_calendars_code",
                table: "correspondence_holiday_calendars",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_public_holidays_calendar_id_date",
                table: "correspondence_public_holidays",
                columns: new[] { "calendar_id", "date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_retention_rules_type",
                table: "correspondence_retention_rules",
                column: "type",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_documents_document_versions_document_id_number",
                table: "documents_document_versions",
                columns: new[] { "document_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_documents_document_versions_key_id",
                table: "documents_document_versions",
                column: "key_id");

            migrationBuilder.CreateIndex(
                name: "ix_documents_document_versions_scope_path",
                table: "documents_document_versions",
                column: "scope_path");

            migrationBuilder.CreateIndex(
                name: "ix_documents_documents_dispose_after",
                table: "documents_documents",
                column: "dispose_after");

            migrationBuilder.CreateIndex(
                name: "ix_documents_documents_owner_ref_created_at",
                table: "documents_documents",
                columns: new[] { "owner_ref", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_documents_documents_scope_path",
                table: "documents_documents",
                column: "scope_path");

            migrationBuilder.CreateIndex(
                name: "ix_integrations_identity_verifications_scope_path",
                table: "integrations_identity_verifications",
                column: "scope_path");

            migrationBuilder.CreateIndex(
                name: "ix_integrations_identity_verifications_subject_id_checked_at",
                table: "integrations_identity_verifications",
                columns: new[] { "subject_id", "checked_at" });

            migrationBuilder.CreateIndex(
                name: "ix_integrations_payments_gateway_reference",
                table: "integrations_payments",
                column: "gateway_reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_integrations_payments_scope_path",
                table: "integrations_payments",
                column: "scope_path");

            migrationBuilder.CreateIndex(
                name: "ix_integrations_payments_state_updated_at",
                table: "integrations_payments",
                columns: new[] { "state", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_integrations_webhook_deliveries_subscription_id_created_at",
                table: "integrations_webhook_deliveries",
                columns: new[] { "subscription_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_integrations_webhook_deliveries_subscription_id_event_id",
                table: "integrations_webhook_deliveries",
                columns: new[] { "subscription_id", "event_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_integrations_webhook_subscriptions_scope_path",
                table: "integrations_webhook_subscriptions",
                column: "scope_path");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_deliveries_created_at",
                table: "notifications_deliveries",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_deliveries_request_id_channel_address",
                table: "notifications_deliveries",
                columns: new[] { "request_id", "channel", "address" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_deliveries_status_next_attempt_at",
                table: "notifications_deliveries",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_dev_mailbox_created_at",
                table: "notifications_dev_mailbox",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_dev_mailbox_message_id",
                table: "notifications_dev_mailbox",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_in_app_request_id_user_id",
                table: "notifications_in_app",
                columns: new[] { "request_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_in_app_user_id_created_at",
                table: "notifications_in_app",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_in_app_user_id_read_at",
                table: "notifications_in_app",
                columns: new[] { "user_id", "read_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_templates_event_channel_version",
                table: "notifications_templates",
                columns: new[] { "event", "channel", "version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "correspondence_case_deadline_reminders");

            migrationBuilder.DropTable(
                name: "correspondence_case_report_rows");

            migrationBuilder.DropTable(
                name: "correspondence_case_retention");

            migrationBuilder.DropTable(
                name: "correspondence_case_search");

            migrationBuilder.DropTable(
                name: "correspondence_holiday_calendar_stamps");

            migrationBuilder.DropTable(
                name: "correspondence_public_holidays");

            migrationBuilder.DropTable(
                name: "correspondence_retention_rules");

            migrationBuilder.DropTable(
                name: "documents_document_versions");

            migrationBuilder.DropTable(
                name: "integrations_identity_verifications");

            migrationBuilder.DropTable(
                name: "integrations_payments");

            migrationBuilder.DropTable(
                name: "integrations_webhook_deliveries");

            migrationBuilder.DropTable(
                name: "notifications_deliveries");

            migrationBuilder.DropTable(
                name: "notifications_dev_mailbox");

            migrationBuilder.DropTable(
                name: "notifications_in_app");

            migrationBuilder.DropTable(
                name: "notifications_preferences");

            migrationBuilder.DropTable(
                name: "notifications_requests");

            migrationBuilder.DropTable(
                name: "notifications_templates");

            migrationBuilder.DropTable(
                name: "correspondence_holiday_calendars");

            migrationBuilder.DropTable(
                name: "documents_documents");

            migrationBuilder.DropTable(
                name: "integrations_webhook_subscriptions");

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

            migrationBuilder.DropColumn(
                name: "phone_number",
                table: "identity_users");

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
