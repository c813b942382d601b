using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Integrations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "integrations_identity_verifications");

            migrationBuilder.DropTable(
                name: "integrations_payments");

            migrationBuilder.DropTable(
                name: "integrations_webhook_deliveries");

            migrationBuilder.DropTable(
                name: "integrations_webhook_subscriptions");
        }
    }
}
