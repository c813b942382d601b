using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_institutions_learners_scope_path",
                table: "institutions_learners");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_staff_family_name_given_name_staff_number",
                table: "institutions_staff",
                columns: new[] { "family_name", "given_name", "staff_number" },
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_learners_family_name_given_name_learner_number",
                table: "institutions_learners",
                columns: new[] { "family_name", "given_name", "learner_number" },
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_learners_scope_path_status",
                table: "institutions_learners",
                columns: new[] { "scope_path", "status" },
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_institutions_name_code",
                table: "institutions_institutions",
                columns: new[] { "name", "code" },
                filter: "deleted_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_institutions_staff_family_name_given_name_staff_number",
                table: "institutions_staff");

            migrationBuilder.DropIndex(
                name: "ix_institutions_learners_family_name_given_name_learner_number",
                table: "institutions_learners");

            migrationBuilder.DropIndex(
                name: "ix_institutions_learners_scope_path_status",
                table: "institutions_learners");

            migrationBuilder.DropIndex(
                name: "ix_institutions_institutions_name_code",
                table: "institutions_institutions");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_learners_scope_path",
                table: "institutions_learners",
                column: "scope_path");
        }
    }
}
