using IntakeBot.Dialogs.Language;
using OpenAI.Chat;

namespace IntakeBot.Bot.LanguageModel;

/// <summary>
/// One request to the model. <paramref name="Task"/> is written by code; <paramref name="Data"/> is the
/// person's text (and any article excerpts), redacted and escaped by the gateway before it is sent.
/// </summary>
/// <param name="Use">What for (audit action, metric tag).</param>
/// <param name="Task">The instructions, fixed in code.</param>
/// <param name="Data">Everything that comes from people or documents, as one text.</param>
/// <param name="Timeout">The longest wait.</param>
/// <param name="MaxTokens">A bound on the answer.</param>
/// <param name="ResponseFormat">Structured output (a JSON schema), or null for plain text.</param>
/// <param name="TicketReference">The ticket the request is about, for the audit log.</param>
/// <param name="KnownPersonal">
/// Personal details the caller knows are in <paramref name="Data"/> (the name and phone a person
/// typed as answers, where no cue tells a recognizer what they are): always replaced too.
/// </param>
public sealed record ModelRequest(
    ModelUse Use,
    string Task,
    string Data,
    TimeSpan Timeout,
    int MaxTokens,
    ChatResponseFormat? ResponseFormat = null,
    string? TicketReference = null,
    IReadOnlyList<(PiiCategory Category, string Value)>? KnownPersonal = null);
