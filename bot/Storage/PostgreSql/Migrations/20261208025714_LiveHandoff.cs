using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntakeBot.Bot.Storage.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class LiveHandoff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BotId",
                table: "conversations",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceUrl",
                table: "conversations",
                type: "character varying(2048)",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WaitingForPersonSince",
                table: "conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_conversations_WaitingForPersonSince",
                table: "conversations",
                column: "WaitingForPersonSince");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_conversations_WaitingForPersonSince",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "BotId",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "ServiceUrl",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "WaitingForPersonSince",
                table: "conversations");
        }
    }
}
