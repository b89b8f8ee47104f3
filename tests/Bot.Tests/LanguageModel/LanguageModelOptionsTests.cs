using IntakeBot.Bot.LanguageModel;

namespace IntakeBot.Bot.Tests.LanguageModel;

public sealed class LanguageModelOptionsTests
{
    private static bool Valid(LanguageModelOptions options) => new LanguageModelOptionsValidator().Validate(null, options).Succeeded;

    [Fact]
    public void Off_by_default_and_then_nothing_is_checked()
    {
        var options = new LanguageModelOptions();

        Assert.False(options.Enabled);
        Assert.True(Valid(options));
    }

    [Theory]
    [InlineData("https://api.openai.com/v1", true)]
    [InlineData("https://NAME.openai.azure.com/openai/v1/", true)]
    [InlineData("http://127.0.0.1:11434/v1", true)]
    [InlineData("http://localhost:8080/v1", true)]
    [InlineData("http://192.168.1.20:8000/v1", false)] // the transcript would cross the network in clear text
    [InlineData("ftp://example.com/v1", false)]
    [InlineData("", false)]
    public void When_on_the_endpoint_must_be_https_or_this_machine(string endpoint, bool valid)
    {
        Assert.Equal(valid, Valid(new LanguageModelOptions { Enabled = true, Endpoint = endpoint, Model = "m" }));
    }

    [Fact]
    public void When_on_a_model_and_a_short_chat_timeout_are_required()
    {
        var options = new LanguageModelOptions { Enabled = true, Endpoint = "https://api.openai.com/v1" };
        Assert.False(Valid(options));
        options.Model = "gpt-4o-mini";
        Assert.True(Valid(options));
        options.TimeoutSeconds = 60;
        Assert.False(Valid(options));
    }
}
