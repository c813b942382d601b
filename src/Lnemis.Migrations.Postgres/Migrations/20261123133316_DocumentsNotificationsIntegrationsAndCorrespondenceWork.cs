using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace Lnemis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DocumentsNotificationsIntegrationsAndCorrespondenceWork : Migration
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

            migrationBuilder.EnsureSchema(
                name: "notifications");

            migrationBuilder.EnsureSchema(
                name: "documents");

            migrationBuilder.EnsureSchema(
                name: "integrations");

            migrationBuilder.AddColumn<string>(
                name: "phone_number",
                schema: "identity",
                table: "users",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "case_deadline_reminders",
                schema: "correspondence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_deadline_reminders", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_deadline_reminders_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "correspondence",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

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

            migrationBuilder.CreateTable(
                name: "deliveries",
                schema: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    @event = table.Column<string>(name: "event", type: "character varying(100)", maxLength: 100, nullable: false),
                    channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    address = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    locked_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    provider_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deliveries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dev_mailbox",
                schema: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    to = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dev_mailbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "documents",
                schema: "documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_ref = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    classification = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    scope_path = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    latest_version = table.Column<int>(type: "integer", nullable: false),
                    dispose_after = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_documents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "holiday_calendar_stamps",
                schema: "correspondence",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_holiday_calendar_stamps", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "holiday_calendars",
                schema: "correspondence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_holiday_calendars", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "identity_verifications",
                schema: "integrations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scope_path = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    result = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    national_id_hint = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    checked_by = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_verifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "in_app",
                schema: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    @event = table.Column<string>(name: "event", type: "character varying(100)", maxLength: 100, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    link = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_in_app", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments",
                schema: "integrations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    purpose = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    amount_minor = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    payer_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    payer_phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    gateway_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    redirect_url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    failure_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    scope_path = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    created_by = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    paid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "preferences",
                schema: "notifications",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    disabled = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    quiet_hours_start = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    quiet_hours_end = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_preferences", x => x.user_id);
                });

            migrationBuilder.CreateTable(
                name: "requests",
                schema: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    @event = table.Column<string>(name: "event", type: "character varying(100)", maxLength: 100, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deliveries = table.Column<int>(type: "integer", nullable: false),
                    problem = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requests", x => x.id);
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

            migrationBuilder.CreateTable(
                name: "templates",
                schema: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    @event = table.Column<string>(name: "event", type: "character varying(100)", maxLength: 100, nullable: false),
                    channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_templates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "webhook_subscriptions",
                schema: "integrations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    event_types = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    scope_path = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    secret_protected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    disabled_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    disabled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    consecutive_failures = table.Column<int>(type: "integer", nullable: false),
                    last_delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_by = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_subscriptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "document_versions",
                schema: "documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    storage_key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    key_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    wrapped_key = table.Column<byte[]>(type: "bytea", maxLength: 200, nullable: false),
                    scan_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    scope_path = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_document_versions_documents_document_id",
                        column: x => x.document_id,
                        principalSchema: "documents",
                        principalTable: "documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "public_holidays",
                schema: "correspondence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    calendar_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    notes = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    bunting = table.Column<bool>(type: "boolean", nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_public_holidays", x => x.id);
                    table.ForeignKey(
                        name: "fk_public_holidays_holiday_calendars_calendar_id",
                        column: x => x.calendar_id,
                        principalSchema: "correspondence",
                        principalTable: "holiday_calendars",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "webhook_deliveries",
                schema: "integrations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    subscription_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_status_code = table.Column<int>(type: "integer", nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_deliveries", x => x.id);
                    table.ForeignKey(
                        name: "fk_webhook_deliveries_webhook_subscriptions_subscription_id",
                        column: x => x.subscription_id,
                        principalSchema: "integrations",
                        principalTable: "webhook_subscriptions",
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
                name: "ix_case_deadline_reminders_case_id_kind_deadline",
                schema: "correspondence",
                table: "case_deadline_reminders",
                columns: new[] { "case_id", "kind", "deadline" },
                unique: true);

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
                name: "ix_case_search_search_vector",
                schema: "correspondence",
                table: "case_search",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_created_at",
                schema: "notifications",
                table: "deliveries",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_request_id_channel_address",
                schema: "notifications",
                table: "deliveries",
                columns: new[] { "request_id", "channel", "address" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_status_next_attempt_at",
                schema: "notifications",
                table: "deliveries",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_dev_mailbox_created_at",
                schema: "notifications",
                table: "dev_mailbox",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_dev_mailbox_message_id",
                schema: "notifications",
                table: "dev_mailbox",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_document_versions_document_id_number",
                schema: "documents",
                table: "document_versions",
                columns: new[] { "document_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_document_versions_key_id",
                schema: "documents",
                table: "document_versions",
                column: "key_id");

            migrationBuilder.CreateIndex(
                name: "ix_document_versions_scope_path",
                schema: "documents",
                table: "document_versions",
                column: "scope_path")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_documents_dispose_after",
                schema: "documents",
                table: "documents",
                column: "dispose_after");

            migrationBuilder.CreateIndex(
                name: "ix_documents_owner_ref_created_at",
                schema: "documents",
                table: "documents",
                columns: new[] { "owner_ref", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_documents_scope_path",
                schema: "documents",
                table: "documents",
                column: "scope_path")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_holiday_calendars_code",
                schema: "correspondence",
                table: "holiday_calendars",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_identity_verifications_scope_path",
                schema: "integrations",
                table: "identity_verifications",
                column: "scope_path")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_identity_verifications_subject_id_checked_at",
                schema: "integrations",
                table: "identity_verifications",
                columns: new[] { "subject_id", "checked_at" });

            migrationBuilder.CreateIndex(
                name: "ix_in_app_request_id_user_id",
                schema: "notifications",
                table: "in_app",
                columns: new[] { "request_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_in_app_user_id_created_at",
                schema: "notifications",
                table: "in_app",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_in_app_user_id_read_at",
                schema: "notifications",
                table: "in_app",
                columns: new[] { "user_id", "read_at" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_gateway_reference",
                schema: "integrations",
                table: "payments",
                column: "gateway_reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_scope_path",
                schema: "integrations",
                table: "payments",
                column: "scope_path")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_state_updated_at",
                schema: "integrations",
                table: "payments",
                columns: new[] { "state", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_public_holidays_calendar_id_date",
                schema: "correspondence",
                table: "public_holidays",
                columns: new[] { "calendar_id", "date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_retention_rules_type",
                schema: "correspondence",
                table: "retention_rules",
                column: "type",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_templates_event_channel_version",
                schema: "notifications",
                table: "templates",
                columns: new[] { "event", "channel", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_subscription_id_created_at",
                schema: "integrations",
                table: "webhook_deliveries",
                columns: new[] { "subscription_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_subscription_id_event_id",
                schema: "integrations",
                table: "webhook_deliveries",
                columns: new[] { "subscription_id", "event_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_webhook_subscriptions_scope_path",
                schema: "integrations",
                table: "webhook_subscriptions",
                column: "scope_path")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_deadline_reminders",
                schema: "correspondence");

            migrationBuilder.DropTable(
                name: "case_report_rows",
                schema: "correspondence");

            migrationBuilder.DropTable(
                name: "case_retention",
                schema: "correspondence");

            migrationBuilder.DropTable(
                name: "case_search",
                schema: "correspondence");

            migrationBuilder.DropTable(
                name: "deliveries",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "dev_mailbox",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "document_versions",
                schema: "documents");

            migrationBuilder.DropTable(
                name: "holiday_calendar_stamps",
                schema: "correspondence");

            migrationBuilder.DropTable(
                name: "identity_verifications",
                schema: "integrations");

            migrationBuilder.DropTable(
                name: "in_app",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "payments",
                schema: "integrations");

            migrationBuilder.DropTable(
                name: "preferences",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "public_holidays",
                schema: "correspondence");

            migrationBuilder.DropTable(
                name: "requests",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "retention_rules",
                schema: "correspondence");

            migrationBuilder.DropTable(
                name: "templates",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "webhook_deliveries",
                schema: "integrations");

            migrationBuilder.DropTable(
                name: "documents",
                schema: "documents");

            migrationBuilder.DropTable(
                name: "holiday_calendars",
                schema: "correspondence");

            migrationBuilder.DropTable(
                name: "webhook_subscriptions",
                schema: "integrations");

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

            migrationBuilder.DropColumn(
                name: "phone_number",
                schema: "identity",
                table: "users");

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
