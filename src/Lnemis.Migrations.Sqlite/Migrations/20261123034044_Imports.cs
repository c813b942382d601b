using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Imports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "admission_number",
                table: "institutions_learners",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "institutions_import_batches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    format = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    columns = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    mapping = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    mode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    total_rows = table.Column<int>(type: "INTEGER", nullable: false),
                    valid_rows = table.Column<int>(type: "INTEGER", nullable: false),
                    error_rows = table.Column<int>(type: "INTEGER", nullable: false),
                    created = table.Column<int>(type: "INTEGER", nullable: false),
                    updated = table.Column<int>(type: "INTEGER", nullable: false),
                    unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    failure = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    created_by = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    validated_at = table.Column<long>(type: "INTEGER", nullable: true),
                    applied_at = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_institutions_import_batches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "institutions_import_file_chunks",
                columns: table => new
                {
                    batch_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_institutions_import_file_chunks", x => new { x.batch_id, x.sequence });
                    table.ForeignKey(
                        name: "fk_institutions_import_file_chunks_institutions_import_batches_batch_id",
                        column: x => x.batch_id,
                        principalTable: "institutions_import_batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "institutions_import_problems",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    batch_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    row = table.Column<int>(type: "INTEGER", nullable: false),
                    column = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_institutions_import_problems", x => x.id);
                    table.ForeignKey(
                        name: "fk_institutions_import_problems_institutions_import_batches_batch_id",
                        column: x => x.batch_id,
                        principalTable: "institutions_import_batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_institutions_learners_institution_id_admission_number",
                table: "institutions_learners",
                columns: new[] { "institution_id", "admission_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_institutions_import_batches_created_by_created_at",
                table: "institutions_import_batches",
                columns: new[] { "created_by", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_institutions_import_problems_batch_id_row",
                table: "institutions_import_problems",
                columns: new[] { "batch_id", "row" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "institutions_import_file_chunks");

            migrationBuilder.DropTable(
                name: "institutions_import_problems");

            migrationBuilder.DropTable(
                name: "institutions_import_batches");

            migrationBuilder.DropIndex(
                name: "ix_institutions_learners_institution_id_admission_number",
                table: "institutions_learners");

            migrationBuilder.DropColumn(
                name: "admission_number",
                table: "institutions_learners");
        }
    }
}
