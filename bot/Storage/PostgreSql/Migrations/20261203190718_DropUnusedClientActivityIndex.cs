using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntakeBot.Bot.Storage.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class DropUnusedClientActivityIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_activities_ConversationId_ClientActivityId",
                table: "activities");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_activities_ConversationId_ClientActivityId",
                table: "activities",
                columns: new[] { "ConversationId", "ClientActivityId" });
        }
    }
}
