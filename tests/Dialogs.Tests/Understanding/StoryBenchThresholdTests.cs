using IntakeBot.Dialogs.Bench;

namespace IntakeBot.Dialogs.Tests.Understanding;

/// <summary>
/// Issue 8's targets for the story reader on the whole blind eval set: a wrong fact is worse
/// than a missed one, so precision must stay at or above 0.95 while recall stays at or above 0.80.
/// A rule change that trades precision for recall fails here before it reaches a conversation.
/// </summary>
public sealed class StoryBenchThresholdTests
{
    [Fact]
    public void The_story_reader_meets_the_precision_and_recall_targets_on_the_full_eval_set()
    {
        var cases = StoryCase.Load(StoryCase.DefaultPath);
        Assert.True(cases.Count >= 60, $"the eval set should hold at least 60 stories, found {cases.Count}");

        var (precision, recall) = StoryScore.Run(cases).Overall();

        Assert.True(precision >= 0.95, $"precision {precision:P1} is below 95 %");
        Assert.True(recall >= 0.80, $"recall {recall:P1} is below 80 %");
    }
}
