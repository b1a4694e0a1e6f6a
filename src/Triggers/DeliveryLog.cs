using Microsoft.Extensions.Logging;

namespace Orleans.Personalization.Triggers;

/// <summary>Log messages of trigger delivery. Secrets and payloads are never logged; subscriptions appear by id only.</summary>
internal static partial class DeliveryLog
{
    [LoggerMessage(1, LogLevel.Information, "Webhook {SubscriptionId}: delivering from outbox position {Cursor}")]
    public static partial void WorkerStarted(ILogger logger, string subscriptionId, long cursor);

    [LoggerMessage(2, LogLevel.Information, "Webhook {SubscriptionId}: stopped delivering ({Reason})")]
    public static partial void WorkerStopped(ILogger logger, string subscriptionId, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Webhook {SubscriptionId}: attempt {Attempt} of delivery {Sequence} failed ({Error}); next attempt at {NextAttemptAt}")]
    public static partial void AttemptFailed(ILogger logger, string subscriptionId, long sequence, int attempt, string error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(4, LogLevel.Error, "Webhook {SubscriptionId}: delivery {Sequence} is a dead letter after {Attempt} attempts ({Error})")]
    public static partial void DeadLetter(ILogger logger, string subscriptionId, long sequence, int attempt, string error);

    [LoggerMessage(5, LogLevel.Error, "Webhook {SubscriptionId}: the delivery loop failed; it starts again")]
    public static partial void WorkerFailed(ILogger logger, Exception exception, string subscriptionId);

    [LoggerMessage(6, LogLevel.Error, "The {Loop} loop failed; it keeps running")]
    public static partial void LoopFailed(ILogger logger, Exception exception, string loop);

    [LoggerMessage(7, LogLevel.Information, "RabbitMQ: publishing triggers to exchange {Exchange} from outbox position {Cursor}")]
    public static partial void RabbitConnected(ILogger logger, string exchange, long cursor);

    [LoggerMessage(8, LogLevel.Warning, "RabbitMQ: publishing failed ({Error}); reconnecting in {Delay}")]
    public static partial void RabbitFailed(ILogger logger, string error, TimeSpan delay);

    [LoggerMessage(9, LogLevel.Information, "Outbox retention removed {Entries} triggers, {Deliveries} finished deliveries and {Watches} product watches")]
    public static partial void Purged(ILogger logger, int entries, int deliveries, int watches);
}
