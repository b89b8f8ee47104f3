using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Understanding;

/// <summary>Who writes, and the kin word for the person the story is about (「兄のことです」 gives 兄).</summary>
internal sealed record WriterCue(AskerRole? Role, Relation? Relation, SupporterKind? Kind, string? SubjectWord);
