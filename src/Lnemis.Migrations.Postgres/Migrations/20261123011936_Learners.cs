using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Learners : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "learners",
                schema: "institutions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    learner_number = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    given_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    family_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    other_names = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    sex = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: false),
                    has_birth_certificate = table.Column<bool>(type: "boolean", nullable: false),
                    special_needs = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    national_id_protected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    has_national_id = table.Column<bool>(type: "boolean", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scope_path = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    merged_into_id = table.Column<Guid>(type: "uuid", nullable: true),
                    search_text = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    guardians = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_learners", x => x.id);
                    table.ForeignKey(
                        name: "fk_learners_institutions_institution_id",
                        column: x => x.institution_id,
                        principalSchema: "institutions",
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_learners_learners_merged_into_id",
                        column: x => x.merged_into_id,
                        principalSchema: "institutions",
                        principalTable: "learners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_learners_date_of_birth_sex",
                schema: "institutions",
                table: "learners",
                columns: new[] { "date_of_birth", "sex" });

            migrationBuilder.CreateIndex(
                name: "ix_learners_institution_id",
                schema: "institutions",
                table: "learners",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_learners_learner_number",
                schema: "institutions",
                table: "learners",
                column: "learner_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_learners_merged_into_id",
                schema: "institutions",
                table: "learners",
                column: "merged_into_id");

            migrationBuilder.CreateIndex(
                name: "ix_learners_scope_path",
                schema: "institutions",
                table: "learners",
                column: "scope_path");

            migrationBuilder.CreateIndex(
                name: "ix_learners_search_text",
                schema: "institutions",
                table: "learners",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "learners",
                schema: "institutions");
        }
    }
}
