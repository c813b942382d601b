using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class VersionUploadsPreviewsNamedResponders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "version_of",
                table: "documents_document_uploads",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "to_user_id",
                table: "correspondence_team_reassignments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "from_team_id",
                table: "correspondence_case_transitions",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "version_of",
                table: "documents_document_uploads");

            migrationBuilder.DropColumn(
                name: "to_user_id",
                table: "correspondence_team_reassignments");

            migrationBuilder.DropColumn(
                name: "from_team_id",
                table: "correspondence_case_transitions");
        }
    }
}
