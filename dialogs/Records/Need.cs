namespace IntakeBot.Dialogs.Records;

/// <summary>What the subject needs help with.</summary>
public enum Need
{
    Housing,
    DisabilityServices,
    ElderlyCare,
    Medical,
    IncomeSupport,
    HandbookApplication,
    DaytimeActivity,
    MoneyManagement,
    FamilyRelations,
    Other,
}
