using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Correspondence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "correspondence");

            migrationBuilder.CreateTable(
                name: "case_number_counters",
                schema: "correspondence",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    last_sequence = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_number_counters", x => x.day);
                });

            migrationBuilder.CreateTable(
                name: "teams",
                schema: "correspondence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    clearance_step = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    scope_path = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teams", x => x.id);
                    table.ForeignKey(
                        name: "fk_teams_teams_parent_id",
                        column: x => x.parent_id,
                        principalSchema: "correspondence",
                        principalTable: "teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                schema: "correspondence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    requester_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    requester_email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    state = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    managing_team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    responding_team_id = table.Column<Guid>(type: "uuid", nullable: true),
                    responder_id = table.Column<Guid>(type: "uuid", nullable: true),
                    flagged_steps = table.Column<List<string>>(type: "text[]", nullable: false),
                    approved_steps = table.Column<List<string>>(type: "text[]", nullable: false),
                    accepted_steps = table.Column<List<string>>(type: "text[]", nullable: false),
                    response_file_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    responded_on = table.Column<DateOnly>(type: "date", nullable: true),
                    final_deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    information_held = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    appeal_outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    exemptions = table.Column<List<string>>(type: "text[]", nullable: false),
                    late_team = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    deleted_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    scope_path = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_event_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases", x => x.id);
                    table.ForeignKey(
                        name: "fk_cases_teams_managing_team_id",
                        column: x => x.managing_team_id,
                        principalSchema: "correspondence",
                        principalTable: "teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_cases_teams_responding_team_id",
                        column: x => x.responding_team_id,
                        principalSchema: "correspondence",
                        principalTable: "teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "team_members",
                schema: "correspondence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    scope_path = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_team_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_team_members_teams_team_id",
                        column: x => x.team_id,
                        principalSchema: "correspondence",
                        principalTable: "teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_transitions",
                schema: "correspondence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    @event = table.Column<string>(name: "event", type: "character varying(50)", maxLength: 50, nullable: false),
                    from_state = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    to_state = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    actor_team_id = table.Column<Guid>(type: "uuid", nullable: true),
                    team_id = table.Column<Guid>(type: "uuid", nullable: true),
                    message = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    deadline_change = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    deadline_before = table.Column<DateOnly>(type: "date", nullable: true),
                    deadline_after = table.Column<DateOnly>(type: "date", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_transitions", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_transitions_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "correspondence",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_transitions_case_id_sequence",
                schema: "correspondence",
                table: "case_transitions",
                columns: new[] { "case_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_final_deadline",
                schema: "correspondence",
                table: "cases",
                column: "final_deadline");

            migrationBuilder.CreateIndex(
                name: "ix_cases_managing_team_id",
                schema: "correspondence",
                table: "cases",
                column: "managing_team_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_number",
                schema: "correspondence",
                table: "cases",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_responder_id",
                schema: "correspondence",
                table: "cases",
                column: "responder_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_responding_team_id",
                schema: "correspondence",
                table: "cases",
                column: "responding_team_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_scope_path",
                schema: "correspondence",
                table: "cases",
                column: "scope_path")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_team_members_scope_path",
                schema: "correspondence",
                table: "team_members",
                column: "scope_path")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_team_members_team_id_user_id",
                schema: "correspondence",
                table: "team_members",
                columns: new[] { "team_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_team_members_user_id",
                schema: "correspondence",
                table: "team_members",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_teams_code",
                schema: "correspondence",
                table: "teams",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_teams_parent_id",
                schema: "correspondence",
                table: "teams",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_teams_scope_path",
                schema: "correspondence",
                table: "teams",
                column: "scope_path")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_number_counters",
                schema: "correspondence");

            migrationBuilder.DropTable(
                name: "case_transitions",
                schema: "correspondence");

            migrationBuilder.DropTable(
                name: "team_members",
                schema: "correspondence");

            migrationBuilder.DropTable(
                name: "cases",
                schema: "correspondence");

            migrationBuilder.DropTable(
                name: "teams",
                schema: "correspondence");
        }
    }
}
