namespace IntakeBot.Dialogs.Records;

/// <summary>A relative's relation to the subject, as the relative states it.</summary>
public enum Relation
{
    Parent,
    Spouse,
    Child,
    Sibling,
    Grandparent,
    OtherRelative,
}
