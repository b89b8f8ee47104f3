using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IntakeBot.Bot.Storage.PostgreSql.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WebhookEventId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SealedBody = table.Column<string>(type: "text", nullable: false),
                    SealedReplyToken = table.Column<string>(type: "text", nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConversationKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ClaimedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    DoneAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_line_inbound_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "line_outbound_messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ConversationId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    FirstSequence = table.Column<long>(type: "bigint", nullable: false),
                    LastSequence = table.Column<long>(type: "bigint", nullable: false),
                    Notice = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    WebhookEventId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SentMessages = table.Column<int>(type: "integer", nullable: false),
                    PushedFirst = table.Column<bool>(type: "boolean", nullable: false),
                    RetryKey = table.Column<Guid>(type: "uuid", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClaimedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_line_outbound_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "line_users",
                columns: table => new
                {
                    UserHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SealedUserId = table.Column<string>(type: "text", nullable: false),
                    Generation = table.Column<int>(type: "integer", nullable: false),
                    BlockedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
