using IntakeBot.Knowledge.Evaluation;
using IntakeBot.Knowledge.Retrieval;

namespace IntakeBot.Knowledge.Tests;

/// <summary>The right article is not enough: the excerpt comes from the section that answers the question's frame.</summary>
public sealed class PassageTests(LoadedKnowledge knowledge) : IClassFixture<LoadedKnowledge>
{
    [Fact]
    public void Every_expected_article_and_section_of_the_passage_sets_exists()
    {
        foreach (var c in PassageSet.Load(PassageSet.DefaultPath).Concat(PassageSet.Load(PassageSet.HoldoutPath)))
        {
            var headings = c.ExpectedArticleIds
                .Select(id => knowledge.Base.GetArticle(id) ?? throw new InvalidOperationException($"{c.Question}: no article {id}"))
                .SelectMany(a => a.Sections.Select(s => s.Heading))
                .ToHashSet(StringComparer.Ordinal);
            Assert.All(c.ExpectedSections, heading => Assert.Contains(heading, headings));
        }
    }

    [Fact]
    public void At_least_95_percent_of_the_passage_questions_are_answered_from_the_section_that_holds_the_answer()
    {
        var (accuracy, misses) = PassageSet.Run(knowledge.Base, PassageSet.Load(PassageSet.DefaultPath));

        Assert.True(accuracy >= 0.95, string.Join(" / ", misses.Select(m => $"{m.Case.Question} → {(m.Answer as FoundAnswer)?.SectionHeading ?? "NotFound"}")));
    }

    [Theory]
    [InlineData("入院の期間は", "iryo-kansatsu-inpatient", "18か月")]
    [InlineData("医療観察法の入院はどのくらい", "iryo-kansatsu-inpatient", "18か月")]
    [InlineData("通院はどのくらい続くの", "iryo-kansatsu-outpatient", "3年")]
    [InlineData("鑑定入院はどのくらいかかる", "iryo-kansatsu-assessment", "2か月")]
    [InlineData("審判ではどんな決定が出ますか", "iryo-kansatsu-decisions", "通院決定")]
    [InlineData("審判にはだれが出るの", "iryo-kansatsu-decisions", "付添人")]
    [InlineData("相談の費用はいくらですか", "duty4-consultation", "費用")]
    [InlineData("加算の対象になる人は", "kasan-user-requirements", "1または2")]
    public void A_how_long_which_kind_who_or_how_much_question_gets_the_passage_that_answers_it(string question, string articleId, string expected)
    {
        var answer = Assert.IsType<FoundAnswer>(knowledge.Base.Answer(question));

        Assert.Equal(articleId, answer.ArticleId);
        Assert.Contains(expected, answer.Excerpt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("通院はいつまで", "Duration")]
    [InlineData("鑑定入院は何か月", "Duration")]
    [InlineData("にゅういんは どのくらい", "Duration")]
    [InlineData("相談するのにお金はかかる", "Amount")]
    [InlineData("加算はどのくらいもらえる いくら", "Amount")]
    [InlineData("どんな決定がある", "Kinds")]
    [InlineData("手帳の種類", "Kinds")]
    [InlineData("審判は誰が決めるの", "Actor")]
    [InlineData("だれが出席する", "Actor")]
    [InlineData("加算の対象になる人は", "Eligibility")]
    [InlineData("誰でも相談できますか", "None")]
    [InlineData("センターとは", "None")]
    public void The_frame_of_a_question_is_read_from_its_words(string question, string frame)
    {
        Assert.Equal(frame, AnswerFrames.Detect(JapaneseFolding.Fold(question)).ToString());
    }

    [Fact]
    public void A_long_section_is_cut_to_the_sentences_that_answer_the_frame()
    {
        var filler = string.Concat(Enumerable.Repeat("入院中は医療機関で治療を受けて退院の準備を進めます。", 4));
        var text = $"医療観察法の入院について説明します。{filler}入院期間はおおむね18か月で、6か月ごとに入院継続の確認があります。";

        var plain = ExcerptBuilder.Build(text, JapaneseFolding.Fold("入院はどのくらい"), 60);
        var framed = ExcerptBuilder.Build(text, JapaneseFolding.Fold("入院はどのくらい"), 60, AnswerFrame.Duration);

        Assert.DoesNotContain("18か月", plain, StringComparison.Ordinal);
        Assert.Contains("18か月", framed, StringComparison.Ordinal);
    }
}
