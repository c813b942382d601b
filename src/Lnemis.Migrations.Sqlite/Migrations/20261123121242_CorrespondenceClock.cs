using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CorrespondenceClock : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "correspondence_case_deadline_reminders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_correspondence_case_deadline_reminders", x => x.id);
                    table.ForeignKey(
                        name: "fk_correspondence_case_deadline_reminders_correspondence_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "correspondence_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "correspondence_holiday_calendar_stamps",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_correspondence_holiday_calendar_stamps", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "correspondence_holiday_calendars",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_correspondence_holiday_calendars", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "correspondence_public_holidays",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    calendar_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    notes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    bunting = table.Column<bool>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_correspondence_public_holidays", x => x.id);
                    table.ForeignKey(
                        name: "fk_correspondence_public_holidays_correspondence_holiday_calendars_calendar_id",
                        column: x => x.calendar_id,
                        principalTable: "correspondence_holiday_calendars",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_case_deadline_reminders_case_id_kind_deadline",
                table: "correspondence_case_deadline_reminders",
                columns: new[] { "case_id", "kind", "deadline" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_holiday_calendars_code",
                table: "correspondence_holiday_calendars",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_public_holidays_calendar_id_date",
                table: "correspondence_public_holidays",
                columns: new[] { "calendar_id", "date" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "correspondence_case_deadline_reminders");

            migrationBuilder.DropTable(
                name: "correspondence_holiday_calendar_stamps");

            migrationBuilder.DropTable(
                name: "correspondence_public_holidays");

            migrationBuilder.DropTable(
                name: "correspondence_holiday_calendars");
        }
    }
}
