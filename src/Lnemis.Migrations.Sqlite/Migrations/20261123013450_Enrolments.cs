using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Enrolments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "institutions_enrolments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    learner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    academic_year_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    institution_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    grade_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    repeater = table.Column<bool>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ended_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    end_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    created_by_promotion = table.Column<Guid>(type: "TEXT", nullable: true),
                    ended_by_promotion = table.Column<Guid>(type: "TEXT", nullable: true),
                    scope_path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_institutions_enrolments", x => x.id);
                    table.ForeignKey(
                        name: "fk_institutions_enrolments_institutions_academic_years_academic_year_id",
                        column: x => x.academic_year_id,
                        principalTable: "institutions_academic_years",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_institutions_enrolments_institutions_grades_grade_id",
                        column: x => x.grade_id,
                        principalTable: "institutions_grades",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_institutions_enrolments_institutions_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions_institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_institutions_enrolments_institutions_learners_learner_id",
                        column: x => x.learner_id,
                        principalTable: "institutions_learners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_institutions_enrolments_academic_year_id",
                table: "institutions_enrolments",
                column: "academic_year_id");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_enrolments_created_by_promotion",
                table: "institutions_enrolments",
                column: "created_by_promotion");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_enrolments_ended_by_promotion",
                table: "institutions_enrolments",
                column: "ended_by_promotion");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_enrolments_grade_id",
                table: "institutions_enrolments",
                column: "grade_id");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_enrolments_institution_id_academic_year_id_grade_id_status",
                table: "institutions_enrolments",
                columns: new[] { "institution_id", "academic_year_id", "grade_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_institutions_enrolments_learner_id_academic_year_id",
                table: "institutions_enrolments",
                columns: new[] { "learner_id", "academic_year_id" });

            migrationBuilder.CreateIndex(
                name: "ix_institutions_enrolments_scope_path",
                table: "institutions_enrolments",
                column: "scope_path");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "institutions_enrolments");
        }
    }
}
