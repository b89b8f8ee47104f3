using IntakeBot.Bot.Handoff;
using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Audit;
using IntakeBot.Bot.Center;
using IntakeBot.Bot.Channels.BotFramework;
using IntakeBot.Bot.Channels.DirectLine;
using IntakeBot.Bot.Channels.Line;
using IntakeBot.Bot.Dashboard;
using IntakeBot.Bot.Knowledge;
using IntakeBot.Bot.Language;
using IntakeBot.Bot.LanguageModel;
using IntakeBot.Bot.Notifications;
using IntakeBot.Bot.Retention;
using IntakeBot.Bot.Staff;
using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Tickets;
using IntakeBot.Bot.Turns;
using IntakeBot.Bot.WebChat;
using IntakeBot.Dialogs.Center;
using IntakeBot.Dialogs.Conversation;
using IntakeBot.Knowledge;

namespace IntakeBot.Bot.Hosting;

/// <summary>Composes the web host: services per feature, then middleware and endpoints per feature.</summary>
public static class BotApp
{
    /// <summary>Where the host listens unless <c>Urls</c>, <c>ASPNETCORE_URLS</c> or <c>--urls</c> say otherwise.</summary>
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        // Before anything is written: the data, its keys and its secrets are the service user's alone.
        OwnerOnlyFiles.RestrictNewFiles();
        var builder = WebApplication.CreateBuilder(args);
        var services = builder.Services;
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey])
            && string.IsNullOrEmpty(configuration[WebHostDefaults.HttpPortsKey])
            && string.IsNullOrEmpty(configuration[WebHostDefaults.HttpsPortsKey]))
        {
            // The default lives here, not in appsettings.json: there it would override
            // ASPNETCORE_URLS, which the host reads before the settings files.
            builder.WebHost.UseUrls(DefaultUrl);
        }

        services.AddSingleton(TimeProvider.System);
        AllowedHostsCheck.AddTo(services);
        services.AddSingleton(_ => KnowledgeBase.LoadDefault());
        services.AddSingleton<IQuestionAnswerer>(sp => new KnowledgeQuestionAnswerer(sp.GetRequiredService<KnowledgeBase>()));
        services.AddSingleton(_ => CenterOptions.Read(configuration));
        services.AddSingleton(sp => new IntakeConversation(sp.GetRequiredService<CenterProfile>(), sp.GetRequiredService<IQuestionAnswerer>()));

        services.AddStorage(configuration, builder.Environment);
        services.Configure<TicketOptions>(configuration.GetSection(TicketOptions.Section));
        services.AddSingleton<TicketWriter>();
        services.AddTicketDesk();
        services.AddStaff(configuration);
        services.AddAudit();
        services.AddNotifications(configuration);
        services.AddLanguageServices(configuration);
        services.AddLanguageModel(configuration);
        services.AddRetention(configuration);

        services.AddSingleton<ConversationSignals>();
        services.AddSingleton<ConversationCache>();
        services.AddSingleton<TurnRunner>();
        services.AddDeskChat();

        services.Configure<BotFrameworkOptions>(configuration.GetSection(BotFrameworkOptions.Section));
        services.AddSingleton<BotConnectorAuthenticator>();
        services.AddSingleton<ServiceUrlPolicy>();
        services.AddSingleton<ReplyDeliverySignal>();
        services.AddHostedService<ReplyDelivery>();
        // Its request URLs carry conversation and activity ids the sender chose: not for the logs.
        // No redirects: a vouched serviceUrl must not forward the bot's requests somewhere else.
        services.AddHttpClient(ReplyDelivery.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RemoveAllLoggers();

        services.AddLineChannel(configuration);

        services.Configure<DirectLineOptions>(configuration.GetSection(DirectLineOptions.Section));
        services.AddSingleton<TokenSigningKey>();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<ActivityFeed>();
        services.AddSingleton<DirectLineStream>();
        var origins = configuration.GetSection(DirectLineOptions.Section).Get<DirectLineOptions>()?.AllowedOrigins ?? [];
        services.AddCors(cors => cors.AddPolicy(DirectLineEndpoints.CorsPolicy, policy => policy
            .WithOrigins([.. origins])
            // Web Chat never connects cross-origin without x-requested-with.
            .WithHeaders("authorization", "content-type", "x-ms-bot-agent", "x-requested-with")
            .WithMethods("GET", "POST")));

        services.ConfigureHttpJsonOptions(json =>
        {
            // The Bot Framework schema leaves absent fields out, and Japanese stays readable.
            json.SerializerOptions.DefaultIgnoreCondition = ActivityJson.Options.DefaultIgnoreCondition;
            json.SerializerOptions.Encoder = ActivityJson.Options.Encoder;
        });
        services.AddBotRateLimits(configuration);
        services.AddProblemDetails();
        return builder;
    }

    /// <summary>The center's knowledge articles, answering questions asked in the chat.</summary>
    public static IQuestionAnswerer LoadKnowledge() => new KnowledgeQuestionAnswerer(KnowledgeBase.LoadDefault());

    public static async Task<WebApplication> BuildAsync(WebApplicationBuilder builder)
    {
        var placeholders = SampleSettings.Placeholders(CenterOptions.Read(builder.Configuration));
        RefuseSamplesBeyondThisMachine(builder.Configuration, placeholders);
        var app = builder.Build();
        await app.MigrateStorageAsync();

        app.UseExceptionHandler(errors => errors.Run(context =>
            context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error is BadHttpRequestException bad
                // A request Kestrel could not read (broken chunks, body cut short, over its size
                // limit) that a handler did not catch itself: the client's fault, with Kestrel's status.
                ? ApiError.WriteAsync(context, bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : StatusCodes.Status400BadRequest, "BadRequest", "The request could not be read.")
                // Never internal details; the id lets an operator find the log line.
                : ApiError.WriteAsync(context, StatusCodes.Status500InternalServerError, "InternalError", $"Something went wrong ({context.TraceIdentifier}).")));
        app.UseSecurityHeaders();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseCors();
        app.UseRateLimiter();
        app.UseDefaultFiles();
        app.UseStaticFiles();

        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        app.MapBotFrameworkEndpoints();
        app.MapDirectLineEndpoints();
        app.MapLineEndpoints();
        app.MapWebChatEndpoints();
        app.MapKnowledgeEndpoints();
        app.MapStaff();
        app.MapTicketApi();
        app.MapDeskChatEndpoints();
        app.MapDashboard();

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var address in app.Urls)
            {
                Console.WriteLine($"IntakeBot web chat: {address}/");
                Console.WriteLine($"IntakeBot dashboard: {address}/dashboard  (first admin: dotnet run --project bot -- users add NAME --role admin)");
            }

            if (placeholders.Count > 0)
            {
                Console.WriteLine($"IntakeBot sample settings: {string.Join(", ", placeholders)} still hold the shipped samples; set them before real use (the chat page says 「サンプル設定です」 until then).");
            }
        });
        return app;
    }

    /// <summary>
    /// A host that others can reach must not give people in crisis a sample phone number. On this
    /// machine alone (README's first command) the samples are fine and the page says so.
    /// </summary>
    private static void RefuseSamplesBeyondThisMachine(IConfiguration configuration, IReadOnlyList<string> placeholders)
    {
        if (placeholders.Count == 0)
        {
            return;
        }

        var reachable = ListenAddresses.Configured(configuration).Where(address => !ListenAddresses.IsLoopback(address)).ToList();
        if (reachable.Count > 0)
        {
            throw new UnsafeSettingsException(
                $"IntakeBot will not listen on {string.Join(", ", reachable)} with the sample center profile: set {string.Join(", ", placeholders)} first (README, \"The settings people change first\").");
        }
    }
}
