namespace IntakeBot.Dialogs.Records;

/// <summary>Where the person who needs support is now (the kind of place).</summary>
public enum PlaceKind
{
    /// <summary>警察署（留置施設）.</summary>
    PoliceStation,
    /// <summary>拘置所・拘置支所.</summary>
    DetentionHouse,
    /// <summary>刑務所・刑務支所.</summary>
    Prison,
    /// <summary>少年院・少年鑑別所.</summary>
    JuvenileFacility,
    /// <summary>病院.</summary>
    Hospital,
    /// <summary>施設（更生保護施設・福祉施設など）.</summary>
    Facility,
    /// <summary>自宅・家族の家.</summary>
    Home,
    /// <summary>その他.</summary>
    Other,
}
