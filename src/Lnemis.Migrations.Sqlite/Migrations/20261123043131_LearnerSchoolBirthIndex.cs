using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LearnerSchoolBirthIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_institutions_learners_institution_id",
                table: "institutions_learners");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_learners_institution_id_date_of_birth",
                table: "institutions_learners",
                columns: new[] { "institution_id", "date_of_birth" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_institutions_learners_institution_id_date_of_birth",
                table: "institutions_learners");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_learners_institution_id",
                table: "institutions_learners",
                column: "institution_id");
        }
    }
}
