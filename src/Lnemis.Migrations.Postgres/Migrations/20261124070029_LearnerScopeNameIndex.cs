using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LearnerScopeNameIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_learners_scope_path_status",
                schema: "institutions",
                table: "learners");

            migrationBuilder.CreateIndex(
                name: "ix_learners_scope_path_family_name_given_name_learner_number",
                schema: "institutions",
                table: "learners",
                columns: new[] { "scope_path", "family_name", "given_name", "learner_number" },
                filter: "deleted_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "status", "id", "institution_id", "sex", "date_of_birth" })
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops", "text_ops", "text_ops", "text_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_learners_scope_path_family_name_given_name_learner_number",
                schema: "institutions",
                table: "learners");

            migrationBuilder.CreateIndex(
                name: "ix_learners_scope_path_status",
                schema: "institutions",
                table: "learners",
                columns: new[] { "scope_path", "status" },
                filter: "deleted_at IS NULL")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops", "text_ops" });
        }
    }
}
