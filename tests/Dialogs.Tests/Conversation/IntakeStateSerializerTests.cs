using IntakeBot.Dialogs.Conversation;

namespace IntakeBot.Dialogs.Tests.Conversation;

public sealed class IntakeStateSerializerTests
{
    [Fact]
    public void Japanese_is_written_as_itself_so_a_search_of_the_json_for_a_word_finds_it()
    {
        var state = new IntakeState();
        state.Transcript.Add(new TranscriptEntry(true, "息子が逮捕されました", DateTimeOffset.UnixEpoch));

        var json = IntakeStateSerializer.Serialize(state);

        Assert.Contains("息子が逮捕されました", json);
    }

    [Fact]
    public void Html_in_an_answer_is_escaped_in_the_json_and_reads_back_unchanged()
    {
        var state = new IntakeState();
        state.Transcript.Add(new TranscriptEntry(true, "<script>alert('x')</script> & 母", DateTimeOffset.UnixEpoch));

        var json = IntakeStateSerializer.Serialize(state);

        Assert.DoesNotContain("<script>", json);
        Assert.Equal("<script>alert('x')</script> & 母", IntakeStateSerializer.Deserialize(json).Transcript[0].Text);
    }
}
