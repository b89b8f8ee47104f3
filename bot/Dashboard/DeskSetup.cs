using IntakeBot.Bot.Tickets;

namespace IntakeBot.Bot.Dashboard;

/// <summary>The live desk's services: the change signal of this instance and the shared watch.</summary>
public static class DeskSetup
{
    public static IServiceCollection AddDesk(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DeskOptions>(configuration.GetSection(DeskOptions.Section));
        services.AddSingleton<TicketDeskSignal>();
        services.AddSingleton<DeskWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<DeskWatch>());
        return services;
    }
}
