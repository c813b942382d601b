using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_staff_scope_path",
                schema: "institutions",
                table: "staff");

            migrationBuilder.DropIndex(
                name: "ix_learners_scope_path",
                schema: "institutions",
                table: "learners");

            migrationBuilder.DropIndex(
                name: "ix_institutions_scope_path",
                schema: "institutions",
                table: "institutions");

            migrationBuilder.DropIndex(
                name: "ix_enrolments_scope_path",
                schema: "institutions",
                table: "enrolments");

            migrationBuilder.DropIndex(
                name: "ix_census_returns_scope_path",
                schema: "institutions",
                table: "census_returns");

            migrationBuilder.DropIndex(
                name: "ix_areas_scope_path",
                schema: "institutions",
                table: "areas");

            migrationBuilder.CreateIndex(
                name: "ix_staff_family_name_given_name_staff_number",
                schema: "institutions",
                table: "staff",
                columns: new[] { "family_name", "given_name", "staff_number" },
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_staff_scope_path",
                schema: "institutions",
                table: "staff",
                column: "scope_path")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_learners_family_name_given_name_learner_number",
                schema: "institutions",
                table: "learners",
                columns: new[] { "family_name", "given_name", "learner_number" },
                filter: "deleted_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "id", "institution_id", "scope_path", "search_text", "status", "sex", "date_of_birth" });

            migrationBuilder.CreateIndex(
                name: "ix_learners_scope_path_status",
                schema: "institutions",
                table: "learners",
                columns: new[] { "scope_path", "status" },
                filter: "deleted_at IS NULL")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops", "text_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_institutions_name_code",
                schema: "institutions",
                table: "institutions",
                columns: new[] { "name", "code" },
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_scope_path",
                schema: "institutions",
                table: "institutions",
                column: "scope_path")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_enrolments_scope_path",
                schema: "institutions",
                table: "enrolments",
                column: "scope_path")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_census_returns_scope_path",
                schema: "institutions",
                table: "census_returns",
                column: "scope_path")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_areas_scope_path",
                schema: "institutions",
                table: "areas",
                column: "scope_path")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_staff_family_name_given_name_staff_number",
                schema: "institutions",
                table: "staff");

            migrationBuilder.DropIndex(
                name: "ix_staff_scope_path",
                schema: "institutions",
                table: "staff");

            migrationBuilder.DropIndex(
                name: "ix_learners_family_name_given_name_learner_number",
                schema: "institutions",
                table: "learners");

            migrationBuilder.DropIndex(
                name: "ix_learners_scope_path_status",
                schema: "institutions",
                table: "learners");

            migrationBuilder.DropIndex(
                name: "ix_institutions_name_code",
                schema: "institutions",
                table: "institutions");

            migrationBuilder.DropIndex(
                name: "ix_institutions_scope_path",
                schema: "institutions",
                table: "institutions");

            migrationBuilder.DropIndex(
                name: "ix_enrolments_scope_path",
                schema: "institutions",
                table: "enrolments");

            migrationBuilder.DropIndex(
                name: "ix_census_returns_scope_path",
                schema: "institutions",
                table: "census_returns");

            migrationBuilder.DropIndex(
                name: "ix_areas_scope_path",
                schema: "institutions",
                table: "areas");

            migrationBuilder.CreateIndex(
                name: "ix_staff_scope_path",
                schema: "institutions",
                table: "staff",
                column: "scope_path");

            migrationBuilder.CreateIndex(
                name: "ix_learners_scope_path",
                schema: "institutions",
                table: "learners",
                column: "scope_path");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_scope_path",
                schema: "institutions",
                table: "institutions",
                column: "scope_path");

            migrationBuilder.CreateIndex(
                name: "ix_enrolments_scope_path",
                schema: "institutions",
                table: "enrolments",
                column: "scope_path");

            migrationBuilder.CreateIndex(
                name: "ix_census_returns_scope_path",
                schema: "institutions",
                table: "census_returns",
                column: "scope_path");

            migrationBuilder.CreateIndex(
                name: "ix_areas_scope_path",
                schema: "institutions",
                table: "areas",
                column: "scope_path");
        }
    }
}
