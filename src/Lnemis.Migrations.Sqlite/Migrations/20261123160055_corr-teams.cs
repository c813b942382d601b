using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CorrTeams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "deactivated_at",
                table: "correspondence_teams",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "deactivated_at",
                table: "correspondence_team_members",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "correspondence_team_reassignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    requested_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    from_team_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    from_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    to_team_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    scope_path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    finished_at = table.Column<long>(type: "INTEGER", nullable: true),
                    moved = table.Column<int>(type: "INTEGER", nullable: false),
                    skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    more = table.Column<bool>(type: "INTEGER", nullable: false),
                    outcomes = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_correspondence_team_reassignments", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_team_reassignments_scope_path",
                table: "correspondence_team_reassignments",
                column: "scope_path");

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_team_reassignments_started_at",
                table: "correspondence_team_reassignments",
                column: "started_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "correspondence_team_reassignments");

            migrationBuilder.DropColumn(
                name: "deactivated_at",
                table: "correspondence_teams");

            migrationBuilder.DropColumn(
                name: "deactivated_at",
                table: "correspondence_team_members");
        }
    }
}
