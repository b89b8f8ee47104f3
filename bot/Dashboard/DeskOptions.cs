namespace IntakeBot.Bot.Dashboard;

/// <summary>The live desk ("Desk" section).</summary>
public sealed class DeskOptions
{
    public const string Section = "Desk";

    /// <summary>
    /// How often the database is re-checked while a desk page is open: new tickets come from chat
    /// turns and, scaled out, from other instances. A few cheap MAX/COUNT queries per check,
    /// shared by every open page of this instance.
    /// </summary>
    public TimeSpan RecheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A comment line this often keeps proxies from closing a quiet event stream.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(20);
}
