using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntakeBot.Bot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class TicketSummary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProtectedSummary",
                table: "ticket_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SummaryAt",
                table: "ticket_cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SummaryAttempts",
                table: "ticket_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "SummaryDueAt",
                table: "ticket_cases",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProtectedSummary",
                table: "ticket_cases");

            migrationBuilder.DropColumn(
                name: "SummaryAt",
                table: "ticket_cases");

            migrationBuilder.DropColumn(
                name: "SummaryAttempts",
                table: "ticket_cases");

            migrationBuilder.DropColumn(
                name: "SummaryDueAt",
                table: "ticket_cases");
        }
    }
}
