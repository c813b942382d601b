using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LearnerIndexesForBulkLoad : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_institutions_learners_date_of_birth_sex",
                table: "institutions_learners");

            migrationBuilder.DropIndex(
                name: "ix_institutions_learners_institution_id_date_of_birth",
                table: "institutions_learners");

            migrationBuilder.DropIndex(
                name: "ix_institutions_learners_merged_into_id",
                table: "institutions_learners");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_learners_date_of_birth_institution_id",
                table: "institutions_learners",
                columns: new[] { "date_of_birth", "institution_id" });

            migrationBuilder.CreateIndex(
                name: "ix_institutions_learners_merged_into_id",
                table: "institutions_learners",
                column: "merged_into_id",
                filter: "merged_into_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_institutions_learners_date_of_birth_institution_id",
                table: "institutions_learners");

            migrationBuilder.DropIndex(
                name: "ix_institutions_learners_merged_into_id",
                table: "institutions_learners");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_learners_date_of_birth_sex",
                table: "institutions_learners",
                columns: new[] { "date_of_birth", "sex" });

            migrationBuilder.CreateIndex(
                name: "ix_institutions_learners_institution_id_date_of_birth",
                table: "institutions_learners",
                columns: new[] { "institution_id", "date_of_birth" });

            migrationBuilder.CreateIndex(
                name: "ix_institutions_learners_merged_into_id",
                table: "institutions_learners",
                column: "merged_into_id");
        }
    }
}
