using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntakeBot.Bot.Storage.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CaseKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AttachBlockedUntil",
                table: "ticket_cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttachCodeHash",
                table: "ticket_cases",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AttachFailures",
                table: "ticket_cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "AttachedConversationId",
                table: "ticket_cases",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AttachBlockedUntil",
                table: "ticket_cases");

            migrationBuilder.DropColumn(
                name: "AttachCodeHash",
                table: "ticket_cases");

            migrationBuilder.DropColumn(
                name: "AttachFailures",
                table: "ticket_cases");

            migrationBuilder.DropColumn(
                name: "AttachedConversationId",
                table: "ticket_cases");
        }
    }
}
