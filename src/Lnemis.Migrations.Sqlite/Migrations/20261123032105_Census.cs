using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Census : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "institutions_census_rounds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    academic_year_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    opens_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reminder_days = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_institutions_census_rounds", x => x.id);
                    table.ForeignKey(
                        name: "fk_institutions_census_rounds_institutions_academic_years_academic_year_id",
                        column: x => x.academic_year_id,
                        principalTable: "institutions_academic_years",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "institutions_census_reminders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    round_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    institution_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    days_before = table.Column<int>(type: "INTEGER", nullable: false),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_institutions_census_reminders", x => x.id);
                    table.ForeignKey(
                        name: "fk_institutions_census_reminders_institutions_census_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "institutions_census_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_institutions_census_reminders_institutions_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions_institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "institutions_census_returns",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    round_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    institution_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    scope_path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    reviewed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    reviewed_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    counts = table.Column<string>(type: "TEXT", nullable: true),
                    figures = table.Column<string>(type: "TEXT", nullable: false),
                    findings = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_institutions_census_returns", x => x.id);
                    table.ForeignKey(
                        name: "fk_institutions_census_returns_institutions_census_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "institutions_census_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_institutions_census_returns_institutions_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions_institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "institutions_census_return_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    return_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    actor_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_institutions_census_return_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_institutions_census_return_events_institutions_census_returns_return_id",
                        column: x => x.return_id,
                        principalTable: "institutions_census_returns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_institutions_census_reminders_institution_id",
                table: "institutions_census_reminders",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_census_reminders_round_id_institution_id_days_before",
                table: "institutions_census_reminders",
                columns: new[] { "round_id", "institution_id", "days_before" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_institutions_census_return_events_return_id",
                table: "institutions_census_return_events",
                column: "return_id");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_census_returns_institution_id",
                table: "institutions_census_returns",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_census_returns_round_id_institution_id",
                table: "institutions_census_returns",
                columns: new[] { "round_id", "institution_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_institutions_census_returns_round_id_status",
                table: "institutions_census_returns",
                columns: new[] { "round_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_institutions_census_returns_scope_path",
                table: "institutions_census_returns",
                column: "scope_path");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_census_rounds_academic_year_id",
                table: "institutions_census_rounds",
                column: "academic_year_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "institutions_census_reminders");

            migrationBuilder.DropTable(
                name: "institutions_census_return_events");

            migrationBuilder.DropTable(
                name: "institutions_census_returns");

            migrationBuilder.DropTable(
                name: "institutions_census_rounds");
        }
    }
}
