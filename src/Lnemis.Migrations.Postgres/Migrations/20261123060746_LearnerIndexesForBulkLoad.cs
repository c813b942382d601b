using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LearnerIndexesForBulkLoad : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_learners_date_of_birth_sex",
                schema: "institutions",
                table: "learners");

            migrationBuilder.DropIndex(
                name: "ix_learners_institution_id_date_of_birth",
                schema: "institutions",
                table: "learners");

            migrationBuilder.DropIndex(
                name: "ix_learners_merged_into_id",
                schema: "institutions",
                table: "learners");

            migrationBuilder.CreateIndex(
                name: "ix_learners_date_of_birth_institution_id",
                schema: "institutions",
                table: "learners",
                columns: new[] { "date_of_birth", "institution_id" });

            migrationBuilder.CreateIndex(
                name: "ix_learners_merged_into_id",
                schema: "institutions",
                table: "learners",
                column: "merged_into_id",
                filter: "merged_into_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_learners_date_of_birth_institution_id",
                schema: "institutions",
                table: "learners");

            migrationBuilder.DropIndex(
                name: "ix_learners_merged_into_id",
                schema: "institutions",
                table: "learners");

            migrationBuilder.CreateIndex(
                name: "ix_learners_date_of_birth_sex",
                schema: "institutions",
                table: "learners",
                columns: new[] { "date_of_birth", "sex" });

            migrationBuilder.CreateIndex(
                name: "ix_learners_institution_id_date_of_birth",
                schema: "institutions",
                table: "learners",
                columns: new[] { "institution_id", "date_of_birth" });

            migrationBuilder.CreateIndex(
                name: "ix_learners_merged_into_id",
                schema: "institutions",
                table: "learners",
                column: "merged_into_id");
        }
    }
}
