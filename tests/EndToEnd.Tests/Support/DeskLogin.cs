using Microsoft.Playwright;

namespace IntakeBot.EndToEnd.Tests.Support;

/// <summary>A coordinator signing in through the desk's own login form, as a person does.</summary>
public static class DeskLogin
{
    /// <summary>Opens <paramref name="url"/> (a desk page, which sends a stranger to the login form) and signs in there.</summary>
    public static async Task SignInAsync(IPage page, string url, string name, string password)
    {
        await page.GotoAsync(url);
        await page.Locator("input[name='userName']").FillAsync(name);
        await page.Locator("input[name='password']").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
    }
}
