using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LearnerSchoolBirthIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_learners_institution_id",
                schema: "institutions",
                table: "learners");

            migrationBuilder.CreateIndex(
                name: "ix_learners_institution_id_date_of_birth",
                schema: "institutions",
                table: "learners",
                columns: new[] { "institution_id", "date_of_birth" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_learners_institution_id_date_of_birth",
                schema: "institutions",
                table: "learners");

            migrationBuilder.CreateIndex(
                name: "ix_learners_institution_id",
                schema: "institutions",
                table: "learners",
                column: "institution_id");
        }
    }
}
