using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LearnerScopeNameIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_institutions_learners_scope_path_status",
                table: "institutions_learners");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_learners_scope_path_family_name_given_name_learner_number",
                table: "institutions_learners",
                columns: new[] { "scope_path", "family_name", "given_name", "learner_number" },
                filter: "deleted_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_institutions_learners_scope_path_family_name_given_name_learner_number",
                table: "institutions_learners");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_learners_scope_path_status",
                table: "institutions_learners",
                columns: new[] { "scope_path", "status" },
                filter: "deleted_at IS NULL");
        }
    }
}
