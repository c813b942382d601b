using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InstitutionsRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "institutions_academic_years",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    terms = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_institutions_academic_years", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "institutions_education_levels",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    isced_level = table.Column<int>(type: "INTEGER", nullable: false),
                    entrance_age = table.Column<int>(type: "INTEGER", nullable: false),
                    duration_years = table.Column<int>(type: "INTEGER", nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_institutions_education_levels", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "institutions_institutions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ownership = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    levels = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    successor_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    status_changed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    status_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    area_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    scope_path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    latitude = table.Column<double>(type: "REAL", nullable: true),
                    longitude = table.Column<double>(type: "REAL", nullable: true),
                    address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    classrooms_usable = table.Column<int>(type: "INTEGER", nullable: false),
                    classrooms_unusable = table.Column<int>(type: "INTEGER", nullable: false),
                    has_water = table.Column<bool>(type: "INTEGER", nullable: false),
                    has_electricity = table.Column<bool>(type: "INTEGER", nullable: false),
                    has_internet = table.Column<bool>(type: "INTEGER", nullable: false),
                    toilets_male = table.Column<int>(type: "INTEGER", nullable: false),
                    toilets_female = table.Column<int>(type: "INTEGER", nullable: false),
                    toilets_shared = table.Column<int>(type: "INTEGER", nullable: false),
                    shift = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    search_text = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    deleted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_institutions_institutions", x => x.id);
                    table.ForeignKey(
                        name: "fk_institutions_institutions_institutions_areas_area_id",
                        column: x => x.area_id,
                        principalTable: "institutions_areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_institutions_institutions_institutions_institutions_successor_id",
                        column: x => x.successor_id,
                        principalTable: "institutions_institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "institutions_grades",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    level_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_institutions_grades", x => x.id);
                    table.ForeignKey(
                        name: "fk_institutions_grades_institutions_education_levels_level_id",
                        column: x => x.level_id,
                        principalTable: "institutions_education_levels",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "institutions_institution_status_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    institution_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    to = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    successor_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    effective_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    changed_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    changed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_institutions_institution_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_institutions_institution_status_changes_institutions_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions_institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_institutions_academic_years_code",
                table: "institutions_academic_years",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_institutions_education_levels_code",
                table: "institutions_education_levels",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_institutions_grades_code",
                table: "institutions_grades",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_institutions_grades_level_id_sequence",
                table: "institutions_grades",
                columns: new[] { "level_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_institutions_institution_status_changes_institution_id",
                table: "institutions_institution_status_changes",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_institutions_area_id",
                table: "institutions_institutions",
                column: "area_id");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_institutions_code",
                table: "institutions_institutions",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_institutions_institutions_scope_path",
                table: "institutions_institutions",
                column: "scope_path");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_institutions_search_text",
                table: "institutions_institutions",
                column: "search_text");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_institutions_status_type",
                table: "institutions_institutions",
                columns: new[] { "status", "type" });

            migrationBuilder.CreateIndex(
                name: "ix_institutions_institutions_successor_id",
                table: "institutions_institutions",
                column: "successor_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "institutions_academic_years");

            migrationBuilder.DropTable(
                name: "institutions_grades");

            migrationBuilder.DropTable(
                name: "institutions_institution_status_changes");

            migrationBuilder.DropTable(
                name: "institutions_education_levels");

            migrationBuilder.DropTable(
                name: "institutions_institutions");
        }
    }
}
