using IntakeBot.Bot.Audit;
using IntakeBot.Bot.Hosting;
using IntakeBot.Bot.Storage;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Staff;

/// <summary>
/// <c>users add NAME --role admin|coordinator</c>, <c>users passwd NAME</c>, <c>users disable NAME</c>.
/// The password is read from standard input (one line; never an argument, so it stays out of the
/// shell history and the process list).
/// </summary>
public static class StaffCommand
{
    public const string Usage = "usage: users add NAME --role admin|coordinator | users passwd NAME | users disable NAME   (password from stdin)";

    public static async Task<int> RunAsync(WebApplicationBuilder builder, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var app = await BotApp.BuildAsync(builder);
        // A command given other settings than the host would write to another database without a
        // word; naming it first shows that at once.
        var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        await output.WriteLineAsync($"database: {storage.Describe(app.Environment.ContentRootPath)}");
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var cancel = CancellationToken.None;
        switch (args)
        {
            case ["add", var name, "--role", var role, ..]:
            {
                if (!StaffAccounts.IsValidName(name) || !StaffRoles.IsValid(role))
                {
                    await error.WriteLineAsync("NAME: 2–64 letters, digits, . _ -; role: admin or coordinator.\n" + Usage);
                    return 2;
                }

                if (await accounts.FindAsync(name, cancel) is not null)
                {
                    await error.WriteLineAsync($"user {name} already exists");
                    return 1;
                }

                var password = await ReadPasswordAsync(input, output, accounts, error);
                if (password is null)
                {
                    return 2;
                }

                var user = await accounts.AddAsync(name, role, password, cancel);
                await audit.WriteAsync(null, "cli", "add-user", null, AuditLog.Ok, $"{user.UserName} ({role})", cancel);
                await output.WriteLineAsync($"created {role} {name}");
                return 0;
            }

            case ["passwd", var name, ..]:
            {
                if (await accounts.FindAsync(name, cancel) is null)
                {
                    await error.WriteLineAsync($"no user {name}");
                    return 1;
                }

                var password = await ReadPasswordAsync(input, output, accounts, error);
                if (password is null)
                {
                    return 2;
                }

                await accounts.ChangePasswordAsync(name, password, cancel);
                await audit.WriteAsync(null, "cli", "passwd", null, AuditLog.Ok, name, cancel);
                await output.WriteLineAsync($"password of {name} changed; every session of {name} has ended");
                return 0;
            }

            case ["disable", var name, ..]:
            {
                if (!await accounts.DisableAsync(name, cancel))
                {
                    await error.WriteLineAsync($"no user {name}");
                    return 1;
                }

                await audit.WriteAsync(null, "cli", "disable-user", null, AuditLog.Ok, name, cancel);
                await output.WriteLineAsync($"{name} disabled; every session of {name} has ended");
                return 0;
            }

            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<string?> ReadPasswordAsync(TextReader input, TextWriter output, StaffAccounts accounts, TextWriter error)
    {
        if (!Console.IsInputRedirected)
        {
            await output.WriteAsync("password: ");
        }

        var password = (await input.ReadLineAsync())?.TrimEnd('\r') ?? string.Empty;
        if (accounts.CheckPassword(password) is { } problem)
        {
            await error.WriteLineAsync(problem);
            return null;
        }

        return password;
    }
}
