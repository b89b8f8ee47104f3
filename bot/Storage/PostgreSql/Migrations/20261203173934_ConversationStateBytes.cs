using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntakeBot.Bot.Storage.PostgreSql.Migrations
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
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.Sql("""UPDATE "conversations" SET "SealedState" = convert_to("StateJson", 'UTF8');""");

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
                type: "text",
                nullable: false,
                defaultValue: "");

            // Binary ciphertext back to unpadded base64url, the text the older version reads.
            migrationBuilder.Sql("""
                UPDATE "conversations" SET "StateJson" = CASE
                    WHEN substring("SealedState" from 1 for 4) = '\x09f0c9f0'::bytea THEN translate(encode("SealedState", 'base64'), E'+/=\n', '-_')
                    ELSE convert_from("SealedState", 'UTF8') END;
                """);

            migrationBuilder.DropColumn(
                name: "SealedState",
                table: "conversations");
        }
    }
}
