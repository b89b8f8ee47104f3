namespace IntakeBot.Knowledge.Tests;

public sealed class AnswerTests(LoadedKnowledge knowledge) : IClassFixture<LoadedKnowledge>
{
    [Fact]
    public void A_relatives_question_about_an_arrest_is_answered_from_the_suspect_support_article_with_its_source()
    {
        var answer = Assert.IsType<FoundAnswer>(knowledge.Base.Answer("息子が逮捕されました。障がいがあります。何をしてもらえますか？"));

        Assert.Equal("duty3-suspect-support", answer.ArticleId);
        Assert.False(string.IsNullOrWhiteSpace(answer.ArticleTitle));
        Assert.Equal("000_6c716a5f94ebe3fb.txt", Assert.Single(answer.Sources).Id);
        Assert.Equal("地域生活定着支援センターの業務内容", answer.Sources[0].Title);
    }

    [Theory]
    [InlineData("刑務所を出た後の住まいは？", "housing-after-release")]
    [InlineData("医療観察法の通院はいつまで？", "iryo-kansatsu-outpatient")]
    [InlineData("鑑定入院は何か月ですか", "iryo-kansatsu-assessment")]
    [InlineData("話した内容は誰に伝わりますか", "privacy-and-consent")]
    public void Typical_questions_are_answered_from_the_right_article_with_a_short_excerpt_and_a_source(string question, string articleId)
    {
        var answer = Assert.IsType<FoundAnswer>(knowledge.Base.Answer(question));

        Assert.Equal(articleId, answer.ArticleId);
        Assert.NotEmpty(answer.Sources);
        Assert.InRange(answer.Excerpt.Length, 10, knowledge.Base.Options.MaxExcerptLength);
        Assert.NotNull(knowledge.Base.GetArticle(answer.ArticleId));
    }

    [Fact]
    public void The_outpatient_answer_states_the_durations_from_the_seed()
    {
        var answer = Assert.IsType<FoundAnswer>(knowledge.Base.Answer("医療観察法の通院期間は何年ですか"));

        Assert.Contains("3年", answer.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_section_that_can_be_answered_cites_a_source()
    {
        foreach (var article in knowledge.Base.Articles)
        {
            foreach (var section in article.Sections)
            {
                if (knowledge.Base.Answer(section.Heading) is FoundAnswer found)
                {
                    Assert.NotEmpty(found.Sources);
                }
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("あいうえお かきくけこ")]
    [InlineData("qwertyuiop asdf")]
    [InlineData("🍣🍣🍣")]
    [InlineData("明日の天気を教えて")]
    [InlineData("確定申告のやり方を教えてください")]
    [InlineData("離婚するときの親権はどうなりますか")]
    [InlineData("近くでおいしいラーメン屋はありますか")]
    public void Nonsense_and_out_of_scope_questions_get_not_found_instead_of_a_guess(string question)
    {
        var answer = knowledge.Base.Answer(question);

        Assert.False(answer.IsFound);
        Assert.IsType<NotFoundAnswer>(answer);
    }

    [Fact]
    public void Search_returns_one_hit_per_article_best_first()
    {
        var hits = knowledge.Base.Search("加算の要件", 5);

        Assert.Equal(5, hits.Count);
        Assert.Equal(hits.Count, hits.Select(h => h.ArticleId).Distinct().Count());
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.All(hits.Take(3), h => Assert.StartsWith("kasan-", h.ArticleId, StringComparison.Ordinal));
    }

    [Fact]
    public void Search_with_an_empty_query_returns_nothing()
    {
        Assert.Empty(knowledge.Base.Search(" ", 3));
    }

    [Fact]
    public void A_stricter_threshold_turns_a_weak_match_into_not_found()
    {
        var strict = KnowledgeBase.Load(KnowledgeBase.DefaultArticlesDirectory, new KnowledgeBaseOptions { MinimumConfidence = 1.01 });

        Assert.IsType<NotFoundAnswer>(strict.Answer("刑務所を出た後の住まいは？"));
    }

    [Fact]
    public void Answering_is_safe_from_many_threads_at_once()
    {
        var questions = new[] { "刑務所を出た後の住まいは？", "加算の要件は？", "明日の天気を教えて", "療育手帳の申請を手伝ってもらえますか" };
        var expected = questions.Select(q => knowledge.Base.Answer(q)).ToList();

        Parallel.For(0, 400, i => Assert.Equal(expected[i % questions.Length], knowledge.Base.Answer(questions[i % questions.Length])));
    }
}
