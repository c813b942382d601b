using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InstitutionsRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "academic_years",
                schema: "institutions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    terms = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_academic_years", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "education_levels",
                schema: "institutions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    isced_level = table.Column<int>(type: "integer", nullable: false),
                    entrance_age = table.Column<int>(type: "integer", nullable: false),
                    duration_years = table.Column<int>(type: "integer", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_education_levels", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "institutions",
                schema: "institutions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ownership = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    levels = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    successor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status_changed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    status_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scope_path = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    latitude = table.Column<double>(type: "double precision", nullable: true),
                    longitude = table.Column<double>(type: "double precision", nullable: true),
                    address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    phone = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    classrooms_usable = table.Column<int>(type: "integer", nullable: false),
                    classrooms_unusable = table.Column<int>(type: "integer", nullable: false),
                    has_water = table.Column<bool>(type: "boolean", nullable: false),
                    has_electricity = table.Column<bool>(type: "boolean", nullable: false),
                    has_internet = table.Column<bool>(type: "boolean", nullable: false),
                    toilets_male = table.Column<int>(type: "integer", nullable: false),
                    toilets_female = table.Column<int>(type: "integer", nullable: false),
                    toilets_shared = table.Column<int>(type: "integer", nullable: false),
                    shift = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    search_text = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_institutions", x => x.id);
                    table.ForeignKey(
                        name: "fk_institutions_areas_area_id",
                        column: x => x.area_id,
                        principalSchema: "institutions",
                        principalTable: "areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_institutions_institutions_successor_id",
                        column: x => x.successor_id,
                        principalSchema: "institutions",
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "grades",
                schema: "institutions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    level_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_grades", x => x.id);
                    table.ForeignKey(
                        name: "fk_grades_education_levels_level_id",
                        column: x => x.level_id,
                        principalSchema: "institutions",
                        principalTable: "education_levels",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "institution_status_changes",
                schema: "institutions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    to = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    successor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    changed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_institution_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_institution_status_changes_institutions_institution_id",
                        column: x => x.institution_id,
                        principalSchema: "institutions",
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_academic_years_code",
                schema: "institutions",
                table: "academic_years",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_education_levels_code",
                schema: "institutions",
                table: "education_levels",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_grades_code",
                schema: "institutions",
                table: "grades",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_grades_level_id_sequence",
                schema: "institutions",
                table: "grades",
                columns: new[] { "level_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_institution_status_changes_institution_id",
                schema: "institutions",
                table: "institution_status_changes",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_area_id",
                schema: "institutions",
                table: "institutions",
                column: "area_id");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_code",
                schema: "institutions",
                table: "institutions",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_institutions_scope_path",
                schema: "institutions",
                table: "institutions",
                column: "scope_path");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_search_text",
                schema: "institutions",
                table: "institutions",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_institutions_status_type",
                schema: "institutions",
                table: "institutions",
                columns: new[] { "status", "type" });

            migrationBuilder.CreateIndex(
                name: "ix_institutions_successor_id",
                schema: "institutions",
                table: "institutions",
                column: "successor_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "academic_years",
                schema: "institutions");

            migrationBuilder.DropTable(
                name: "grades",
                schema: "institutions");

            migrationBuilder.DropTable(
                name: "institution_status_changes",
                schema: "institutions");

            migrationBuilder.DropTable(
                name: "education_levels",
                schema: "institutions");

            migrationBuilder.DropTable(
                name: "institutions",
                schema: "institutions");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
