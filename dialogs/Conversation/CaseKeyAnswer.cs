namespace IntakeBot.Dialogs.Conversation;

/// <summary>The host's answer to a <see cref="CaseKeyCheck"/>, passed to the core as part of the input.</summary>
/// <param name="Reference">The case's reference number in full (with its prefix).</param>
/// <param name="Outcome">What was found.</param>
/// <param name="Replies">The coordinators' messages to the case so far, oldest first (only when attached).</param>
public sealed record CaseKeyAnswer(string Reference, CaseKeyOutcome Outcome, IReadOnlyList<CoordinatorReply> Replies);
