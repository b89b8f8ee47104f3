using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Records;
using IntakeBot.Dialogs.Understanding;

namespace IntakeBot.Dialogs.Tests.Understanding;

public sealed class StoryReaderTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static StoryFacts Read(string text) => StoryReader.Read(text, Today);

    [Fact]
    public void The_issue_example_yields_every_stated_fact()
    {
        var facts = Read("72歳の父が来月10日に刑務所を出るのですが、帰る家がなくて困っています。療育手帳は持っていません。");
        var r = facts.Record;

        Assert.Equal(AskerRole.Family, r.Role);
        Assert.Equal(Relation.Child, r.Relation);
        Assert.Equal(72, r.SubjectAge);
        Assert.Equal(Stage.InFacility, r.Stage);
        Assert.Equal(new DateOnly(2026, 12, 10), r.ReleaseDate);
        Assert.Equal(Answer.No, r.HasHousing);
        Assert.Equal([Handbook.None], r.Handbooks);
        Assert.Contains(Need.Housing, r.Needs);
    }

    [Theory]
    [InlineData("家がないわけではないのですが、息子のことが心配です。")]
    [InlineData("たぶん帰る家はないと思います。")]
    public void Double_negatives_and_hedges_about_housing_are_not_read_either_way(string text)
    {
        Assert.DoesNotContain(IntakeStep.Housing, Read(text).Steps);
    }

    [Fact]
    public void A_denied_disability_is_not_recorded_as_one()
    {
        var facts = Read("息子は知的障害はないと言われました。うつ病で通院しています。");

        Assert.Equal([Disability.Mental], facts.Record.Disabilities);
    }

    [Fact]
    public void A_suspected_disability_is_recorded_as_a_sign()
    {
        Assert.Equal([Disability.SuspectedDementia], Read("母は最近認知症っぽくて心配です。").Record.Disabilities);
    }

    [Fact]
    public void Two_dates_in_one_sentence_keep_their_own_meanings()
    {
        var facts = Read("被告人の次回公判は12月3日で判決後12月20日に釈放の予定です。");

        Assert.Equal(new DateOnly(2026, 12, 3), facts.Record.HearingDate);
        Assert.Equal(new DateOnly(2026, 12, 20), facts.Record.ReleaseDate);
    }

    [Fact]
    public void The_writers_age_is_not_taken_for_the_subjects()
    {
        var facts = Read("私は50歳の会社員ですが、父は78歳で刑務所に入っています。");

        Assert.Equal(78, facts.Record.SubjectAge);
    }

    [Fact]
    public void The_writers_age_alone_is_not_the_subjects_age()
    {
        Assert.Null(Read("私は45歳です。弟が逮捕されました。").Record.SubjectAge);
    }

    [Fact]
    public void A_subject_writing_about_themselves_gives_their_own_age()
    {
        var facts = Read("わたしは67さいです。せんげつ刑務所を出ました。すむところがないです。");

        Assert.Equal(AskerRole.Self, facts.Record.Role);
        Assert.Equal(67, facts.Record.SubjectAge);
        Assert.Equal(Stage.Released, facts.Record.Stage);
        Assert.Equal(Answer.No, facts.Record.HasHousing);
    }

    [Fact]
    public void A_reiwa_release_date_with_full_width_digits_is_read()
    {
        var facts = Read("夫が令和８年１２月３日に出所予定です。");

        Assert.Equal(new DateOnly(2026, 12, 3), facts.Record.ReleaseDate);
        Assert.Equal(Relation.Spouse, facts.Record.Relation);
    }

    [Fact]
    public void A_showa_birth_date_gives_the_age()
    {
        var facts = Read("本人は昭和33年5月1日生まれで、起訴されて公判中です。");

        Assert.Equal(68, facts.Record.SubjectAge);
        Assert.Equal(new DateOnly(1958, 5, 1), facts.Record.SubjectBirthDate);
        Assert.Equal(Stage.OnTrial, facts.Record.Stage);
    }

    [Fact]
    public void A_lawyer_writing_formally_is_read_as_a_lawyer_with_custody_and_hearing()
    {
        var facts = Read("弁護人の山田です。被告人（68歳、療育手帳あり）は勾留中で、次回公判期日は令和8年12月9日です。");

        Assert.Equal(AskerRole.Lawyer, facts.Record.Role);
        Assert.Equal(Stage.OnTrial, facts.Record.Stage);
        Assert.Equal(Custody.Detained, facts.Record.Custody);
        Assert.Equal(new DateOnly(2026, 12, 9), facts.Record.HearingDate);
        Assert.Equal([Handbook.Ryoiku], facts.Record.Handbooks);
        Assert.Equal(68, facts.Record.SubjectAge);
    }

    [Fact]
    public void A_prisons_location_is_not_taken_for_the_return_area()
    {
        var facts = Read("息子は横浜刑務所にいますが、出所後は大阪府堺市の実家に帰る予定です。");

        Assert.Equal("大阪府", facts.Record.ReturnPrefecture);
        Assert.Equal("堺市", facts.Record.ReturnCity);
        Assert.Equal(Answer.Yes, facts.Record.HasHousing);
    }

    [Fact]
    public void An_agency_worker_is_read_as_a_supporter_of_the_right_kind()
    {
        var facts = Read("保護観察所の者です。仮釈放中の方（70歳）の住まいについて相談したいです。");

        Assert.Equal(AskerRole.Supporter, facts.Record.Role);
        Assert.Equal(SupporterKind.ProbationOffice, facts.Record.SupporterKind);
        Assert.Equal(Stage.Released, facts.Record.Stage);
    }

    [Theory]
    [InlineData("こんにちは")]
    [InlineData("相談したいです")]
    [InlineData("センターって何ですか？")]
    public void A_message_that_states_nothing_yields_nothing(string text)
    {
        Assert.True(Read(text).IsEmpty);
    }
}
