namespace IntakeBot.Knowledge.Tests;

public sealed class FoldingTests(LoadedKnowledge knowledge) : IClassFixture<LoadedKnowledge>
{
    [Theory]
    [InlineData("障害", "障がい")]
    [InlineData("障害", "しょうがい")]
    [InlineData("障害", "ショウガイ")]
    [InlineData("障害", "ｼｮｳｶﾞｲ")]
    [InlineData("障害", "障碍")]
    [InlineData("子供", "子ども")]
    [InlineData("子供", "こども")]
    [InlineData("手続", "手続き")]
    [InlineData("受入", "受け入れ")]
    [InlineData("か月", "ヶ月")]
    [InlineData("b型", "Ｂ型")]
    [InlineData("刑務所", "ムショ")]
    [InlineData("勾留", "拘留")]
    public void Spelling_variants_fold_to_the_same_text(string canonical, string variant)
    {
        Assert.Equal(JapaneseFolding.Fold(canonical), JapaneseFolding.Fold(variant));
    }

    [Theory]
    [InlineData("カタカナ", "かたかな")]
    [InlineData("ＡＢＣ１２３", "abc123")]
    public void Width_case_and_katakana_fold_to_one_form(string input, string expected)
    {
        Assert.Equal(expected, JapaneseFolding.Fold(input));
    }

    [Fact]
    public void A_longer_word_is_not_broken_by_a_shorter_variant_inside_it()
    {
        Assert.Equal("事務所", JapaneseFolding.Fold("じむしょ"));
        Assert.Equal("どういうこと", JapaneseFolding.Fold("どういうこと"));
    }

    [Theory]
    [InlineData("障害者手帳の申請")]
    [InlineData("障がい者手帳の申請")]
    [InlineData("しょうがいしゃてちょう の しんせい")]
    [InlineData("ショウガイシャテチョウノシンセイ")]
    public void Questions_written_with_any_spelling_of_a_word_find_the_same_article(string question)
    {
        var answer = Assert.IsType<FoundAnswer>(knowledge.Base.Answer(question));

        Assert.Equal("disability-handbook", answer.ArticleId);
    }

    [Fact]
    public void Colloquial_keywords_from_the_front_matter_find_their_article()
    {
        Assert.Equal("income-support", knowledge.Base.Search("ナマポ", 1)[0].ArticleId);
        Assert.Equal("housing-after-release", knowledge.Base.Search("ムショ出たら住むとこない", 1)[0].ArticleId);
    }
}
