namespace IntakeBot.Dialogs.Center;

/// <summary>The center this bot speaks for. Bound from configuration by the host.</summary>
public sealed class CenterProfile
{
    public string Name { get; set; } = "地域生活定着支援センター";
    /// <summary>The center's own prefecture; a 帰住予定地 elsewhere raises the 他都道府県 flag.</summary>
    public string Prefecture { get; set; } = "神奈川県";
    /// <summary>The center's phone for the user (shown in emergencies and handoffs).</summary>
    public string Phone { get; set; } = string.Empty;
    /// <summary>When the phone is answered, e.g. 「平日 9時〜17時」.</summary>
    public string PhoneHours { get; set; } = string.Empty;
    /// <summary>A line that takes calls in other languages, shown to people writing in one (optional).</summary>
    public string? MultilingualLine { get; set; }
    /// <summary>Extra hotlines shown in emergencies (name and number).</summary>
    public List<Hotline> Hotlines { get; set; } = [];

    /// <summary>When a coordinator can answer the chat itself (<c>Center:Hours</c>); empty: never announced.</summary>
    public CenterHours Hours { get; set; } = new();

    /// <summary>How long someone who asked for a person waits before the bot says nobody could come (<c>Center:HandoffWaitMinutes</c>).</summary>
    public int HandoffWaitMinutes { get; set; } = 5;

    /// <summary>The hours to tell a person: <see cref="PhoneHours"/> if set, else the chat hours.</summary>
    public string HoursText => PhoneHours.Length > 0 ? PhoneHours : Hours.Describe();

    /// <summary>
    /// A sentence added to the consent notice before its question, e.g. that messages are sent,
    /// redacted, to a language model service. A center that turns on such a service must say so here.
    /// </summary>
    public string? ConsentNotice { get; set; }
}
