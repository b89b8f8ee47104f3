namespace IntakeBot.EndToEnd.Tests.Support;

/// <summary>Browser tests share one Chromium and run one at a time (the machine has 2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
