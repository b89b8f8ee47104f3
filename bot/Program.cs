using IntakeBot.Bot.Center;
using IntakeBot.Bot.Chat;
using IntakeBot.Bot.Hosting;
using IntakeBot.Dialogs.Conversation;

var builder = BotApp.CreateBuilder(args);

if (args is ["chat", ..])
{
    // The terminal chat: the same conversation core and knowledge, no web host, no database.
    Console.InputEncoding = System.Text.Encoding.UTF8;
    Console.OutputEncoding = System.Text.Encoding.UTF8;
    var conversation = new IntakeConversation(CenterOptions.Read(builder.Configuration), BotApp.LoadKnowledge());
    return new TerminalChat(conversation, Console.In, Console.Out, TimeProvider.System).Run();
}

try
{
    if (args is ["users", ..])
    {
        // Staff accounts (the first admin): password from stdin.
        return await IntakeBot.Bot.Staff.StaffCommand.RunAsync(builder, args[1..], Console.In, Console.Out, Console.Error);
    }

    var app = await BotApp.BuildAsync(builder);
    await app.RunAsync();
    return 0;
}
catch (UnsafeSettingsException refused)
{
    Console.Error.WriteLine(refused.Message);
    return 1;
}
