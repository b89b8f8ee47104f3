namespace IntakeBot.Bot.Activities;

/// <summary>The <c>deliveryMode</c> values this host distinguishes.</summary>
public static class DeliveryModes
{
    /// <summary>Replies go back in the HTTP response instead of to the <c>serviceUrl</c>.</summary>
    public const string ExpectReplies = "expectReplies";
}
