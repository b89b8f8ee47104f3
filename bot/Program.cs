using IntakeBot.Bot.Center;
using IntakeBot.Bot.Chat;
using IntakeBot.Bot.Knowledge;
using IntakeBot.Dialogs.Conversation;
using IntakeBot.Knowledge;

var builder = WebApplication.CreateBuilder(args);
var conversation = new IntakeConversation(
    CenterOptions.Read(builder.Configuration),
    new KnowledgeQuestionAnswerer(KnowledgeBase.LoadDefault()));

if (args.Length > 0 && args[0] == "chat")
{
    Console.InputEncoding = System.Text.Encoding.UTF8;
    Console.OutputEncoding = System.Text.Encoding.UTF8;
    return new TerminalChat(conversation, Console.In, Console.Out, TimeProvider.System).Run();
}

var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.Run();
return 0;
