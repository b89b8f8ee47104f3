using IntakeBot.Dialogs.Parsing;

namespace IntakeBot.Dialogs.Tests.Parsing;

public class ChoiceParserTests
{
    public enum Kin
    {
        Parent,
        Spouse,
        Child,
        Sibling,
        Grandparent,
        OtherRelative,
    }

    public enum Help
    {
        Housing,
        Care,
        Medical,
        Money,
        Work,
    }

    private static readonly Choice<Kin>[] Relations =
    [
        new(Kin.Parent, "親", "父", "母", "父親", "母親", "お父さん", "お母さん"),
        new(Kin.Spouse, "配偶者", "妻", "夫", "嫁", "旦那"),
        new(Kin.Child, "子ども", "息子", "娘", "子供"),
        new(Kin.Sibling, "きょうだい", "兄", "姉", "弟", "妹", "兄弟", "姉妹"),
        new(Kin.Grandparent, "祖父母", "祖父", "祖母", "おじいさん", "おばあさん"),
        new(Kin.OtherRelative, "その他の親族", "親戚", "親族", "おじ", "おば", "いとこ"),
    ];

    private static readonly Choice<Help>[] Needs =
    [
        new(Help.Housing, "住まい", "住居", "住むところ", "住む所", "アパート"),
        new(Help.Care, "介護", "介護保険", "ヘルパー"),
        new(Help.Medical, "医療", "病院", "通院", "薬"),
        new(Help.Money, "お金", "生活保護", "年金", "金銭管理"),
        new(Help.Work, "仕事", "就労", "働く"),
    ];

    [Theory]
    [InlineData("親", Kin.Parent)]
    [InlineData("配偶者", Kin.Spouse)]
    [InlineData("1", Kin.Parent)]
    [InlineData("１", Kin.Parent)]
    [InlineData("①", Kin.Parent)]
    [InlineData("2番", Kin.Spouse)]
    [InlineData("３番です", Kin.Child)]
    [InlineData("4番目", Kin.Sibling)]
    [InlineData("母です", Kin.Parent)]
    [InlineData("本人の妻です", Kin.Spouse)]
    [InlineData("祖母です", Kin.Grandparent)]
    [InlineData("おばあさん", Kin.Grandparent)]
    [InlineData("親戚のおじです", Kin.OtherRelative)]
    [InlineData("遠い親族です", Kin.OtherRelative)]
    [InlineData("兄です", Kin.Sibling)]
    [InlineData("息子", Kin.Child)]
    [InlineData("母ではなく姉です", Kin.Sibling)]
    [InlineData("きょうだい（兄）です", Kin.Sibling)]
    public void An_option_is_chosen_by_label_number_or_synonym(string text, Kin expected)
    {
        var parsed = AnswerParsers.Choice(text, Relations);

        Assert.Equal(ParseOutcome.Value, parsed.Outcome);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData("母と兄", "一つだけ選んでください。")]
    [InlineData("1と3", "一つだけ選んでください。")]
    [InlineData("7", "その番号の選択肢はありません（6つまでです）。ボタンから選ぶか、ことばで書いてください。")]
    [InlineData("0番", "その番号の選択肢はありません（6つまでです）。ボタンから選ぶか、ことばで書いてください。")]
    [InlineData("友人です", "ボタンから選ぶか、ことばで書いてください。")]
    [InlineData("母ではない", "ボタンから選ぶか、ことばで書いてください。")]
    [InlineData("父はいません", "ボタンから選ぶか、ことばで書いてください。")]
    public void Unclear_or_unknown_options_are_invalid(string text, string problem)
    {
        var parsed = AnswerParsers.Choice(text, Relations);

        Assert.Equal(ParseOutcome.Invalid, parsed.Outcome);
        Assert.Equal(problem, parsed.Problem);
    }

    [Fact]
    public void Empty_text_chooses_nothing()
    {
        Assert.Equal(ParseOutcome.Invalid, AnswerParsers.Choice("", Relations).Outcome);
    }

    [Theory]
    [InlineData("わからない")]
    [InlineData("わかりません")]
    public void Not_knowing_is_unknown(string text)
    {
        Assert.Equal(ParseOutcome.Unknown, AnswerParsers.Choice(text, Relations).Outcome);
        Assert.Equal(ParseOutcome.Unknown, AnswerParsers.Choices(text, Needs).Outcome);
    }

    [Fact]
    public void An_option_labelled_like_not_knowing_is_chosen_rather_than_unknown()
    {
        Choice<string>[] handbook = [new("ryoiku", "療育手帳"), new("none", "持っていない"), new("unknown", "わからない")];

        var parsed = AnswerParsers.Choice("わからない", handbook);

        Assert.Equal(ParseOutcome.Value, parsed.Outcome);
        Assert.Equal("unknown", parsed.Value);
    }

    [Fact]
    public void Two_options_with_the_same_value_are_not_ambiguous()
    {
        Choice<Kin>[] choices = [new(Kin.Parent, "父"), new(Kin.Parent, "母"), new(Kin.Child, "子ども")];

        var parsed = AnswerParsers.Choice("父と母", choices);

        Assert.Equal(Kin.Parent, parsed.Value);
    }

    [Theory]
    [InlineData("1と3", new[] { Help.Housing, Help.Medical })]
    [InlineData("１、３", new[] { Help.Housing, Help.Medical })]
    [InlineData("①③", new[] { Help.Housing, Help.Medical })]
    [InlineData("3・1", new[] { Help.Medical, Help.Housing })]
    [InlineData("1 3 3", new[] { Help.Housing, Help.Medical })]
    [InlineData("2番と5番です", new[] { Help.Care, Help.Work })]
    [InlineData("介護", new[] { Help.Care })]
    [InlineData("住まいとお金", new[] { Help.Housing, Help.Money })]
    [InlineData("病院と住むところ、それと仕事", new[] { Help.Medical, Help.Housing, Help.Work })]
    [InlineData("年金や生活保護のこと", new[] { Help.Money })]
    [InlineData("ヘルパーさんと通院の付き添い", new[] { Help.Care, Help.Medical })]
    [InlineData("アパート探し,お金の管理", new[] { Help.Housing, Help.Money })]
    [InlineData("お金以外の仕事と介護", new[] { Help.Work, Help.Care })]
    public void Every_mentioned_option_is_chosen_once_in_order(string text, Help[] expected)
    {
        var parsed = AnswerParsers.Choices(text, Needs);

        Assert.Equal(ParseOutcome.Value, parsed.Outcome);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData("1と9", "その番号の選択肢はありません（5つまでです）。ボタンから選ぶか、ことばで書いてください。")]
    [InlineData("特にない", "ボタンから選ぶか、ことばで書いてください。")]
    [InlineData("お金以外", "ボタンから選ぶか、ことばで書いてください。")]
    public void A_multiple_choice_needs_at_least_one_real_option(string text, string problem)
    {
        var parsed = AnswerParsers.Choices(text, Needs);

        Assert.Equal(ParseOutcome.Invalid, parsed.Outcome);
        Assert.Equal(problem, parsed.Problem);
    }
}
