namespace IntakeBot.Bot.Tests.Fuzz;

/// <summary>
/// The live ids and credentials the generator plugs into requests. "Other" ones belong to the
/// unrelated conversations and ticket that the run must leave unchanged: the generator uses them
/// only where the server has to refuse (another conversation's path with the fuzz token) or only
/// reads (the other conversation's token on its own activities).
/// </summary>
public sealed class FuzzWorld
{
    public required string ConversationId { get; init; }
    public required string UserId { get; init; }
    public required string Token { get; init; }
    public required string StreamToken { get; init; }
    public required string ResumeToken { get; init; }
    public required string ExpiredToken { get; init; }
    public required string OtherConversationId { get; init; }
    public required string OtherToken { get; init; }
    /// <summary>An unrelated /api/messages conversation (channel <c>test</c>): used only under other channels.</summary>
    public required string OtherApiConversationId { get; init; }
    public required string Ticket { get; init; }
    public required string OtherTicket { get; init; }
    public required string StaffName { get; init; }
    public required string StaffCsrf { get; init; }
    public required string StaffFormCsrf { get; init; }
    public required string OtherStaffCsrf { get; init; }
    public required string StaffCookie { get; init; }
    public required string LoginCsrf { get; init; }
}
