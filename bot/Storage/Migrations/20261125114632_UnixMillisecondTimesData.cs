using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntakeBot.Bot.Storage.Migrations
{
    /// <summary>
    /// Converts dates the first schema stored as text into the milliseconds the rebuilt INTEGER
    /// columns now expect, and restores audit_log's append-only triggers that the rebuild dropped.
    /// </summary>
    public partial class UnixMillisecondTimesData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            ToUnixMilliseconds(migrationBuilder, "webhook_outbox", "DeliveredAt");
            ToUnixMilliseconds(migrationBuilder, "webhook_outbox", "CreatedAt");
            ToUnixMilliseconds(migrationBuilder, "tickets", "CreatedAt");
            ToUnixMilliseconds(migrationBuilder, "ticket_notes", "At");
            ToUnixMilliseconds(migrationBuilder, "ticket_events", "At");
            ToUnixMilliseconds(migrationBuilder, "ticket_checklist", "DoneAt");
            ToUnixMilliseconds(migrationBuilder, "ticket_cases", "UpdatedAt");
            ToUnixMilliseconds(migrationBuilder, "ticket_cases", "ClaimedAt");
            ToUnixMilliseconds(migrationBuilder, "staff_users", "CreatedAt");
            ToUnixMilliseconds(migrationBuilder, "processed_activities", "ProcessedAt");
            ToUnixMilliseconds(migrationBuilder, "outbound_deliveries", "NextAttemptAt");
            ToUnixMilliseconds(migrationBuilder, "outbound_deliveries", "CreatedAt");
            ToUnixMilliseconds(migrationBuilder, "conversations", "UpdatedAt");
            ToUnixMilliseconds(migrationBuilder, "conversations", "CreatedAt");
            ToUnixMilliseconds(migrationBuilder, "audit_log", "At");
            ToUnixMilliseconds(migrationBuilder, "activities", "CreatedAt");
            // Rebuilding audit_log dropped its append-only triggers (CoordinatorDesk); put them back.
            migrationBuilder.Sql("CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Down of UnixMillisecondTimes rebuilds the tables as TEXT again; values are converted
            // here first, and SQLite's affinity keeps them as the text EF used to write.
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_log_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_log_no_delete;");
            ToText(migrationBuilder, "webhook_outbox", "DeliveredAt");
            ToText(migrationBuilder, "webhook_outbox", "CreatedAt");
            ToText(migrationBuilder, "tickets", "CreatedAt");
            ToText(migrationBuilder, "ticket_notes", "At");
            ToText(migrationBuilder, "ticket_events", "At");
            ToText(migrationBuilder, "ticket_checklist", "DoneAt");
            ToText(migrationBuilder, "ticket_cases", "UpdatedAt");
            ToText(migrationBuilder, "ticket_cases", "ClaimedAt");
            ToText(migrationBuilder, "staff_users", "CreatedAt");
            ToText(migrationBuilder, "processed_activities", "ProcessedAt");
            ToText(migrationBuilder, "outbound_deliveries", "NextAttemptAt");
            ToText(migrationBuilder, "outbound_deliveries", "CreatedAt");
            ToText(migrationBuilder, "conversations", "UpdatedAt");
            ToText(migrationBuilder, "conversations", "CreatedAt");
            ToText(migrationBuilder, "audit_log", "At");
            ToText(migrationBuilder, "activities", "CreatedAt");
        }

        // EF wrote DateTimeOffset to SQLite as 'yyyy-MM-dd HH:mm:ss.FFFFFFFzzz'; julianday() reads
        // that format including the offset, so the conversion is exact to the millisecond.
        private static void ToUnixMilliseconds(MigrationBuilder migrationBuilder, string table, string column) =>
            migrationBuilder.Sql(
                $"UPDATE \"{table}\" SET \"{column}\" = CAST(ROUND((julianday(\"{column}\") - 2440587.5) * 86400000.0) AS INTEGER) WHERE typeof(\"{column}\") = 'text';");

        private static void ToText(MigrationBuilder migrationBuilder, string table, string column) =>
            migrationBuilder.Sql(
                $"UPDATE \"{table}\" SET \"{column}\" = strftime('%Y-%m-%d %H:%M:%f', \"{column}\" / 1000.0, 'unixepoch') || '+00:00' WHERE typeof(\"{column}\") = 'integer';");
    }
}
