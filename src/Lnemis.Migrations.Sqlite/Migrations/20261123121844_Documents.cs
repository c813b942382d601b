using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Documents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "documents_document_versions");

            migrationBuilder.DropTable(
                name: "documents_documents");
        }
    }
}
