using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CorrFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_files",
                schema: "correspondence");

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
        }
    }
}
