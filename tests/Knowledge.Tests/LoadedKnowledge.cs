using IntakeBot.Knowledge;

namespace IntakeBot.Knowledge.Tests;

/// <summary>The articles copied to the test output, loaded once for all tests.</summary>
public sealed class LoadedKnowledge
{
    public KnowledgeBase Base { get; } = KnowledgeBase.LoadDefault();
}
