using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Tests.Support;

namespace IntakeBot.Bot.Tests.LanguageModel;

/// <summary>
/// Plays an intake that starts with a story and then answers whatever is still asked the way a
/// hurried person would (the first button; a name and a phone where there is none), so the same
/// script runs whatever the story gave.
/// </summary>
public static class StoryChat
{
    public const string Name = "山本 花子";
    public const string Phone = "090-1234-5678";

    /// <summary>Every bot text of the conversation, in order.</summary>
    public static async Task<List<string>> RunAsync(IChat chat, string story, params string[] afterConsent)
    {
        var texts = new List<string>();
        texts.AddRange((await chat.StartAsync()).Select(r => r.Text ?? string.Empty));
        IReadOnlyList<Activity> replies = await chat.SendAsync(story);
        texts.AddRange(replies.Select(r => r.Text ?? string.Empty));
        replies = await chat.SendAsync("同意する");
        texts.AddRange(replies.Select(r => r.Text ?? string.Empty));
        foreach (var text in afterConsent)
        {
            replies = await chat.SendAsync(text);
            texts.AddRange(replies.Select(r => r.Text ?? string.Empty));
        }

        for (var turn = 0; turn < 40; turn++)
        {
            var last = replies[^1];
            var buttons = last.SuggestedActions?.Actions.Select(a => a.Title!).Where(b => b is not ("戻る" or "人と話したい" or "もどる" or "ひとと はなしたい")).ToList() ?? [];
            if (buttons.Contains("新しい相談を始める") || texts.Any(t => t.Contains(IntakeScripts.ReferencePrefix, StringComparison.Ordinal)))
            {
                return texts;
            }

            var answer = buttons.FirstOrDefault(b => b == "送信する")
                         ?? buttons.FirstOrDefault()
                         ?? (last.Text!.Contains("名前", StringComparison.Ordinal) ? Name : Phone);
            replies = await chat.SendAsync(answer);
            texts.AddRange(replies.Select(r => r.Text ?? string.Empty));
        }

        throw new InvalidOperationException("The intake did not finish:\n" + string.Join("\n", texts));
    }
}
