using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Learners : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "institutions_learners",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    learner_number = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    given_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    family_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    other_names = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    sex = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    date_of_birth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    has_birth_certificate = table.Column<bool>(type: "INTEGER", nullable: false),
                    special_needs = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    national_id_protected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    has_national_id = table.Column<bool>(type: "INTEGER", nullable: false),
                    institution_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    scope_path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    merged_into_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    search_text = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    deleted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    guardians = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_institutions_learners", x => x.id);
                    table.ForeignKey(
                        name: "fk_institutions_learners_institutions_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions_institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_institutions_learners_institutions_learners_merged_into_id",
                        column: x => x.merged_into_id,
                        principalTable: "institutions_learners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_institutions_learners_date_of_birth_sex",
                table: "institutions_learners",
                columns: new[] { "date_of_birth", "sex" });

            migrationBuilder.CreateIndex(
                name: "ix_institutions_learners_institution_id",
                table: "institutions_learners",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_learners_learner_number",
                table: "institutions_learners",
                column: "learner_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_institutions_learners_merged_into_id",
                table: "institutions_learners",
                column: "merged_into_id");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_learners_scope_path",
                table: "institutions_learners",
                column: "scope_path");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_learners_search_text",
                table: "institutions_learners",
                column: "search_text");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "institutions_learners");
        }
    }
}
