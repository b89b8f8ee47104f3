using System.Runtime.CompilerServices;
using IntakeBot.Dialogs.Conversation;

namespace IntakeBot.Dialogs.Tests.Conversation;

/// <summary>
/// dialogs/FLOW.md is generated from the state machine. When the flow changes, this test fails
/// and rewrites the file, so the picture in the docs can never drift from the code.
/// </summary>
public sealed class FlowGraphDocTests
{
    [Fact]
    public void Flow_doc_is_the_generated_graph_of_the_state_machine()
    {
        var path = Path.Combine(RepoRoot(), "dialogs", "FLOW.md");
        var expected = FlowDoc.Render();
        var actual = File.Exists(path) ? File.ReadAllText(path) : string.Empty;

        if (actual != expected)
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(actual == expected, "dialogs/FLOW.md was out of date and has been regenerated; commit it.");
    }

    [Fact]
    public void Every_question_of_the_catalog_appears_in_the_graph()
    {
        var mermaid = IntakeFlow.ToMermaid();
        foreach (var step in Enum.GetValues<IntakeStep>().Where(s => s != IntakeStep.InIntake))
        {
            Assert.Contains(step.ToString(), mermaid);
        }
    }

    private static string RepoRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
}
