using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CorrFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "correspondence_case_files");

            migrationBuilder.DropColumn(
                name: "response_file_id",
                table: "correspondence_cases");

            migrationBuilder.DropColumn(
                name: "file_id",
                table: "correspondence_case_transitions");

            migrationBuilder.DropColumn(
                name: "file_name",
                table: "correspondence_case_transitions");
        }
    }
}
