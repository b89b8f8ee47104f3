using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntakeBot.Bot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ConversationStateBytes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The state as the ciphertext's bytes instead of its base64url text. Rows written
            // before keep their text as UTF-8 bytes, which AtRestProtector.UnprotectBytes still reads.
            migrationBuilder.AddColumn<byte[]>(
                name: "SealedState",
                table: "conversations",
                type: "BLOB",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.Sql("""UPDATE "conversations" SET "SealedState" = CAST("StateJson" AS BLOB);""");

            migrationBuilder.DropColumn(
                name: "StateJson",
                table: "conversations");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "StateJson",
                table: "conversations",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // Rows from before go back as they were. SQLite has no base64: a state written since
            // (binary ciphertext) cannot be turned back into the text the older version reads,
            // and such a conversation starts again from its beginning there.
            migrationBuilder.Sql("""UPDATE "conversations" SET "StateJson" = CASE WHEN substr("SealedState", 1, 4) = X'09F0C9F0' THEN '' ELSE CAST("SealedState" AS TEXT) END;""");

            migrationBuilder.DropColumn(
                name: "SealedState",
                table: "conversations");
        }
    }
}
