using IntakeBot.Dialogs.Questions;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Tests.Conversation;

/// <summary>The contact question as people type it: a number or mail, another way, or none.</summary>
public sealed class ContactAnswerTests
{
    [Theory]
    [InlineData("090-1234-5678", ContactWay.Phone)]
    [InlineData("０９０１２３４５６７８", ContactWay.Phone)]
    [InlineData("携帯は090 1234 5678です", ContactWay.Phone)]
    [InlineData("taro@example.jp", ContactWay.Email)]
    [InlineData("ない", ContactWay.None)]
    [InlineData("電話はありません", ContactWay.None)]
    [InlineData("携帯を持っていない", ContactWay.None)]
    [InlineData("わからない", ContactWay.None)]
    [InlineData("もってない", ContactWay.None)]
    [InlineData("連絡先はない", ContactWay.None)]
    [InlineData("支援者・施設・事業所を通じて", ContactWay.ThroughSupporter)]
    [InlineData("施設の職員を通じてお願いします", ContactWay.ThroughSupporter)]
    [InlineData("センターに行く（来所）", ContactWay.Visit)]
    [InlineData("直接行きます", ContactWay.Visit)]
    [InlineData("手紙", ContactWay.Letter)]
    [InlineData("てがみで おねがいします", ContactWay.Letter)]
    public void Every_way_typed_is_understood(string typed, ContactWay way)
    {
        var parsed = ContactQuestion.Parse(typed);

        Assert.True(parsed.IsValue, typed);
        Assert.Equal(way, parsed.Value!.Way);
    }

    [Theory]
    [InlineData("メール")]
    [InlineData("090-1234")]
    [InlineData("あとで")]
    public void Something_that_is_no_way_yet_is_asked_again(string typed)
    {
        Assert.False(ContactQuestion.Parse(typed).IsValue);
    }

    [Fact]
    public void Only_a_phone_a_mail_or_a_named_supporter_or_address_lets_the_center_reach_the_person()
    {
        Assert.True(new CaseContact(ContactWay.Phone, Phone: "090-1234-5678").CanReach);
        Assert.True(new CaseContact(ContactWay.ThroughSupporter, Via: "みなと相談支援事業所の田中さん").CanReach);
        Assert.False(new CaseContact(ContactWay.ThroughSupporter).CanReach);
        Assert.False(new CaseContact(ContactWay.Visit).CanReach);
        Assert.False(new CaseContact(ContactWay.None).CanReach);
    }
}
