using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Census : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "census_rounds",
                schema: "institutions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    academic_year_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    opens_on = table.Column<DateOnly>(type: "date", nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    reminder_days = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_census_rounds", x => x.id);
                    table.ForeignKey(
                        name: "fk_census_rounds_academic_years_academic_year_id",
                        column: x => x.academic_year_id,
                        principalSchema: "institutions",
                        principalTable: "academic_years",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "census_reminders",
                schema: "institutions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    days_before = table.Column<int>(type: "integer", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_census_reminders", x => x.id);
                    table.ForeignKey(
                        name: "fk_census_reminders_census_rounds_round_id",
                        column: x => x.round_id,
                        principalSchema: "institutions",
                        principalTable: "census_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_census_reminders_institutions_institution_id",
                        column: x => x.institution_id,
                        principalSchema: "institutions",
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "census_returns",
                schema: "institutions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scope_path = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reviewed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    counts = table.Column<string>(type: "jsonb", nullable: true),
                    figures = table.Column<string>(type: "jsonb", nullable: false),
                    findings = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_census_returns", x => x.id);
                    table.ForeignKey(
                        name: "fk_census_returns_census_rounds_round_id",
                        column: x => x.round_id,
                        principalSchema: "institutions",
                        principalTable: "census_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_census_returns_institutions_institution_id",
                        column: x => x.institution_id,
                        principalSchema: "institutions",
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "census_return_events",
                schema: "institutions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    return_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_census_return_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_census_return_events_census_returns_return_id",
                        column: x => x.return_id,
                        principalSchema: "institutions",
                        principalTable: "census_returns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_census_reminders_institution_id",
                schema: "institutions",
                table: "census_reminders",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_census_reminders_round_id_institution_id_days_before",
                schema: "institutions",
                table: "census_reminders",
                columns: new[] { "round_id", "institution_id", "days_before" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_census_return_events_return_id",
                schema: "institutions",
                table: "census_return_events",
                column: "return_id");

            migrationBuilder.CreateIndex(
                name: "ix_census_returns_institution_id",
                schema: "institutions",
                table: "census_returns",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_census_returns_round_id_institution_id",
                schema: "institutions",
                table: "census_returns",
                columns: new[] { "round_id", "institution_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_census_returns_round_id_status",
                schema: "institutions",
                table: "census_returns",
                columns: new[] { "round_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_census_returns_scope_path",
                schema: "institutions",
                table: "census_returns",
                column: "scope_path");

            migrationBuilder.CreateIndex(
                name: "ix_census_rounds_academic_year_id",
                schema: "institutions",
                table: "census_rounds",
                column: "academic_year_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "census_reminders",
                schema: "institutions");

            migrationBuilder.DropTable(
                name: "census_return_events",
                schema: "institutions");

            migrationBuilder.DropTable(
                name: "census_returns",
                schema: "institutions");

            migrationBuilder.DropTable(
                name: "census_rounds",
                schema: "institutions");
        }
    }
}
