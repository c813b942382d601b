using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Correspondence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "correspondence_case_number_counters",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    last_sequence = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_correspondence_case_number_counters", x => x.day);
                });

            migrationBuilder.CreateTable(
                name: "correspondence_teams",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    parent_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    clearance_step = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    scope_path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    deleted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_correspondence_teams", x => x.id);
                    table.ForeignKey(
                        name: "fk_correspondence_teams_correspondence_teams_parent_id",
                        column: x => x.parent_id,
                        principalTable: "correspondence_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "correspondence_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    requester_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    requester_email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    received_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    managing_team_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    responding_team_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    responder_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    flagged_steps = table.Column<string>(type: "TEXT", nullable: false),
                    approved_steps = table.Column<string>(type: "TEXT", nullable: false),
                    accepted_steps = table.Column<string>(type: "TEXT", nullable: false),
                    response_file_name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    responded_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    final_deadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    information_held = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    appeal_outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    exemptions = table.Column<string>(type: "TEXT", nullable: false),
                    late_team = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    deleted_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    scope_path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_event_at = table.Column<long>(type: "INTEGER", nullable: false),
                    deleted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_correspondence_cases", x => x.id);
                    table.ForeignKey(
                        name: "fk_correspondence_cases_correspondence_teams_managing_team_id",
                        column: x => x.managing_team_id,
                        principalTable: "correspondence_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_correspondence_cases_correspondence_teams_responding_team_id",
                        column: x => x.responding_team_id,
                        principalTable: "correspondence_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "correspondence_team_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    team_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    scope_path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_correspondence_team_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_correspondence_team_members_correspondence_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "correspondence_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "correspondence_case_transitions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    @event = table.Column<string>(name: "event", type: "TEXT", maxLength: 50, nullable: false),
                    from_state = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    to_state = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    actor_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    actor_role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    actor_team_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    team_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    message = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    deadline_change = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    deadline_before = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    deadline_after = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_correspondence_case_transitions", x => x.id);
                    table.ForeignKey(
                        name: "fk_correspondence_case_transitions_correspondence_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "correspondence_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_case_transitions_case_id_sequence",
                table: "correspondence_case_transitions",
                columns: new[] { "case_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_cases_final_deadline",
                table: "correspondence_cases",
                column: "final_deadline");

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_cases_managing_team_id",
                table: "correspondence_cases",
                column: "managing_team_id");

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_cases_number",
                table: "correspondence_cases",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_cases_responder_id",
                table: "correspondence_cases",
                column: "responder_id");

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_cases_responding_team_id",
                table: "correspondence_cases",
                column: "responding_team_id");

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_cases_scope_path",
                table: "correspondence_cases",
                column: "scope_path");

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_team_members_scope_path",
                table: "correspondence_team_members",
                column: "scope_path");

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_team_members_team_id_user_id",
                table: "correspondence_team_members",
                columns: new[] { "team_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_team_members_user_id",
                table: "correspondence_team_members",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_teams_code",
                table: "correspondence_teams",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_teams_parent_id",
                table: "correspondence_teams",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_teams_scope_path",
                table: "correspondence_teams",
                column: "scope_path");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "correspondence_case_number_counters");

            migrationBuilder.DropTable(
                name: "correspondence_case_transitions");

            migrationBuilder.DropTable(
                name: "correspondence_team_members");

            migrationBuilder.DropTable(
                name: "correspondence_cases");

            migrationBuilder.DropTable(
                name: "correspondence_teams");
        }
    }
}
