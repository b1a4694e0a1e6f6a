using Microsoft.Extensions.Logging;

namespace Orleans.Personalization.Grains.Triggers;

/// <summary>Log messages of trigger evaluation and delivery bookkeeping in the grains.</summary>
internal static partial class TriggerLog
{
    [LoggerMessage(1, LogLevel.Warning, "Cancelling a cart abandonment reminder failed; it will find the cart empty when it fires")]
    public static partial void CancelReminderFailed(ILogger logger, Exception exception);

    [LoggerMessage(2, LogLevel.Information, "Trigger settings changed to version {Version}")]
    public static partial void SettingsChanged(ILogger logger, long version);

    [LoggerMessage(3, LogLevel.Information, "Product {ProductId} changed ({ChangeId}): telling {Watchers} watching shoppers")]
    public static partial void FanningOut(ILogger logger, string productId, string changeId, int watchers);
}
