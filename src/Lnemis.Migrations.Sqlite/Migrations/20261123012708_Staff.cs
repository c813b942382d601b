using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Staff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "institutions_staff",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    staff_number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    given_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    family_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    sex = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    date_of_birth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    institution_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    scope_path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    search_text = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    deleted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    qualifications = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_institutions_staff", x => x.id);
                    table.ForeignKey(
                        name: "fk_institutions_staff_institutions_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions_institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "institutions_postings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    staff_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    institution_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    teaching_level = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    starts_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_institutions_postings", x => x.id);
                    table.ForeignKey(
                        name: "fk_institutions_postings_institutions_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions_institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_institutions_postings_institutions_staff_staff_id",
                        column: x => x.staff_id,
                        principalTable: "institutions_staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_institutions_postings_institution_id",
                table: "institutions_postings",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_postings_staff_id_starts_on",
                table: "institutions_postings",
                columns: new[] { "staff_id", "starts_on" });

            migrationBuilder.CreateIndex(
                name: "ix_institutions_staff_institution_id",
                table: "institutions_staff",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_staff_scope_path",
                table: "institutions_staff",
                column: "scope_path");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_staff_staff_number",
                table: "institutions_staff",
                column: "staff_number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "institutions_postings");

            migrationBuilder.DropTable(
                name: "institutions_staff");
        }
    }
}
