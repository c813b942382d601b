using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Enrolments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "enrolments",
                schema: "institutions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    learner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    academic_year_id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    grade_id = table.Column<Guid>(type: "uuid", nullable: false),
                    repeater = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    end_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_by_promotion = table.Column<Guid>(type: "uuid", nullable: true),
                    ended_by_promotion = table.Column<Guid>(type: "uuid", nullable: true),
                    scope_path = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enrolments", x => x.id);
                    table.ForeignKey(
                        name: "fk_enrolments_academic_years_academic_year_id",
                        column: x => x.academic_year_id,
                        principalSchema: "institutions",
                        principalTable: "academic_years",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_enrolments_grades_grade_id",
                        column: x => x.grade_id,
                        principalSchema: "institutions",
                        principalTable: "grades",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_enrolments_institutions_institution_id",
                        column: x => x.institution_id,
                        principalSchema: "institutions",
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_enrolments_learners_learner_id",
                        column: x => x.learner_id,
                        principalSchema: "institutions",
                        principalTable: "learners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_enrolments_academic_year_id",
                schema: "institutions",
                table: "enrolments",
                column: "academic_year_id");

            migrationBuilder.CreateIndex(
                name: "ix_enrolments_created_by_promotion",
                schema: "institutions",
                table: "enrolments",
                column: "created_by_promotion");

            migrationBuilder.CreateIndex(
                name: "ix_enrolments_ended_by_promotion",
                schema: "institutions",
                table: "enrolments",
                column: "ended_by_promotion");

            migrationBuilder.CreateIndex(
                name: "ix_enrolments_grade_id",
                schema: "institutions",
                table: "enrolments",
                column: "grade_id");

            migrationBuilder.CreateIndex(
                name: "ix_enrolments_institution_id_academic_year_id_grade_id_status",
                schema: "institutions",
                table: "enrolments",
                columns: new[] { "institution_id", "academic_year_id", "grade_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_enrolments_learner_id_academic_year_id",
                schema: "institutions",
                table: "enrolments",
                columns: new[] { "learner_id", "academic_year_id" });

            migrationBuilder.CreateIndex(
                name: "ix_enrolments_scope_path",
                schema: "institutions",
                table: "enrolments",
                column: "scope_path");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enrolments",
                schema: "institutions");
        }
    }
}
