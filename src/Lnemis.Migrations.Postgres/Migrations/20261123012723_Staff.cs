using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Staff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "staff",
                schema: "institutions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    staff_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    given_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    family_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sex = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: false),
                    category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    phone = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scope_path = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    search_text = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    qualifications = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff", x => x.id);
                    table.ForeignKey(
                        name: "fk_staff_institutions_institution_id",
                        column: x => x.institution_id,
                        principalSchema: "institutions",
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "postings",
                schema: "institutions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    staff_id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    teaching_level = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_postings", x => x.id);
                    table.ForeignKey(
                        name: "fk_postings_institutions_institution_id",
                        column: x => x.institution_id,
                        principalSchema: "institutions",
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_postings_staff_staff_id",
                        column: x => x.staff_id,
                        principalSchema: "institutions",
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_postings_institution_id",
                schema: "institutions",
                table: "postings",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_postings_staff_id_starts_on",
                schema: "institutions",
                table: "postings",
                columns: new[] { "staff_id", "starts_on" });

            migrationBuilder.CreateIndex(
                name: "ix_staff_institution_id",
                schema: "institutions",
                table: "staff",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_staff_scope_path",
                schema: "institutions",
                table: "staff",
                column: "scope_path");

            migrationBuilder.CreateIndex(
                name: "ix_staff_staff_number",
                schema: "institutions",
                table: "staff",
                column: "staff_number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "postings",
                schema: "institutions");

            migrationBuilder.DropTable(
                name: "staff",
                schema: "institutions");
        }
    }
}
