using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntakeBot.Bot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class LineChannel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "line_inbound_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WebhookEventId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SealedBody = table.Column<string>(type: "TEXT", nullable: false),
                    SealedReplyToken = table.Column<string>(type: "TEXT", nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConversationKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    DoneAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_line_inbound_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "line_outbound_messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    FirstSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Notice = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WebhookEventId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SentMessages = table.Column<int>(type: "INTEGER", nullable: false),
                    PushedFirst = table.Column<bool>(type: "INTEGER", nullable: false),
                    RetryKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_line_outbound_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "line_users",
                columns: table => new
                {
                    UserHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SealedUserId = table.Column<string>(type: "TEXT", nullable: false),
                    Generation = table.Column<int>(type: "INTEGER", nullable: false),
                    BlockedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_line_users", x => x.UserHash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_line_inbound_events_DoneAt_UserHash",
                table: "line_inbound_events",
                columns: new[] { "DoneAt", "UserHash" });

            migrationBuilder.CreateIndex(
                name: "IX_line_inbound_events_WebhookEventId",
                table: "line_inbound_events",
                column: "WebhookEventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_line_outbound_messages_NextAttemptAt_UserHash",
                table: "line_outbound_messages",
                columns: new[] { "NextAttemptAt", "UserHash" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "line_inbound_events");

            migrationBuilder.DropTable(
                name: "line_outbound_messages");

            migrationBuilder.DropTable(
                name: "line_users");
        }
    }
}
