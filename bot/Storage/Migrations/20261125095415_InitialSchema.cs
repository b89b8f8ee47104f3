using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntakeBot.Bot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "conversations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StateJson = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conversations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbound_deliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConversationId = table.Column<string>(type: "TEXT", nullable: false),
                    ServiceUrl = table.Column<string>(type: "TEXT", nullable: false),
                    ExternalConversationId = table.Column<string>(type: "TEXT", nullable: false),
                    ReplyToId = table.Column<string>(type: "TEXT", nullable: true),
                    FirstSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbound_deliveries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tickets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReferenceNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    YearSequence = table.Column<int>(type: "INTEGER", nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IntakeNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RecordJson = table.Column<string>(type: "TEXT", nullable: false),
                    TriageJson = table.Column<string>(type: "TEXT", nullable: false),
                    TranscriptJson = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tickets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "activities",
                columns: table => new
                {
                    ConversationId = table.Column<string>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ClientActivityId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    FromUser = table.Column<bool>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_activities", x => new { x.ConversationId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_activities_conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "processed_activities",
                columns: table => new
                {
                    ConversationId = table.Column<string>(type: "TEXT", nullable: false),
                    IncomingId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UserSequence = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstReplySequence = table.Column<long>(type: "INTEGER", nullable: false),
                    LastReplySequence = table.Column<long>(type: "INTEGER", nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_processed_activities", x => new { x.ConversationId, x.IncomingId });
                    table.ForeignKey(
                        name: "FK_processed_activities_conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_activities_ConversationId_ClientActivityId",
                table: "activities",
                columns: new[] { "ConversationId", "ClientActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_tickets_ConversationId_Kind_IntakeNumber",
                table: "tickets",
                columns: new[] { "ConversationId", "Kind", "IntakeNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tickets_ReferenceNumber",
                table: "tickets",
                column: "ReferenceNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tickets_Year_YearSequence",
                table: "tickets",
                columns: new[] { "Year", "YearSequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activities");

            migrationBuilder.DropTable(
                name: "outbound_deliveries");

            migrationBuilder.DropTable(
                name: "processed_activities");

            migrationBuilder.DropTable(
                name: "tickets");

            migrationBuilder.DropTable(
                name: "conversations");
        }
    }
}
