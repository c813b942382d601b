using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DocsDirect : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "documents_document_uploads");

            migrationBuilder.DropColumn(
                name: "description",
                table: "integrations_webhook_subscriptions");

            migrationBuilder.DropColumn(
                name: "server_side_encryption",
                table: "documents_document_versions");
        }
    }
}
