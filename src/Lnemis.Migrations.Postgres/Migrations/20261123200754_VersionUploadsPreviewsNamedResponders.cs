using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class VersionUploadsPreviewsNamedResponders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "to_user_id",
                schema: "correspondence",
                table: "team_reassignments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "version_of",
                schema: "documents",
                table: "document_uploads",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "from_team_id",
                schema: "correspondence",
                table: "case_transitions",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "to_user_id",
                schema: "correspondence",
                table: "team_reassignments");

            migrationBuilder.DropColumn(
                name: "version_of",
                schema: "documents",
                table: "document_uploads");

            migrationBuilder.DropColumn(
                name: "from_team_id",
                schema: "correspondence",
                table: "case_transitions");
        }
    }
}
