using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntakeBot.Bot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class CaseKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AttachBlockedUntil",
                table: "ticket_cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttachCodeHash",
                table: "ticket_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AttachFailures",
                table: "ticket_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "AttachedConversationId",
                table: "ticket_cases",
                type: "TEXT",
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
