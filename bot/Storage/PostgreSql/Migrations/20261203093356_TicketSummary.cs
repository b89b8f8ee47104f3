using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntakeBot.Bot.Storage.PostgreSql.Migrations
{
    /// <inheritdoc />
    /// <remarks>
    /// Written by hand: this folder had no model snapshot, so the tool proposed the whole schema
    /// again. The snapshot is committed now, next to this migration.
    /// </remarks>
    public partial class TicketSummary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProtectedSummary",
                table: "ticket_cases",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SummaryAt",
                table: "ticket_cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SummaryAttempts",
                table: "ticket_cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SummaryDueAt",
                table: "ticket_cases",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "ProtectedSummary", table: "ticket_cases");
            migrationBuilder.DropColumn(name: "SummaryAt", table: "ticket_cases");
            migrationBuilder.DropColumn(name: "SummaryAttempts", table: "ticket_cases");
            migrationBuilder.DropColumn(name: "SummaryDueAt", table: "ticket_cases");
        }
    }
}
