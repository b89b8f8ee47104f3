namespace IntakeBot.Dialogs.Parsing;

/// <summary>An age, and the birth date when the user gave one instead of an age.</summary>
public readonly record struct AgeAnswer(int Age, DateOnly? BirthDate);
