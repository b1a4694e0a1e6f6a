using Microsoft.Extensions.Logging;

namespace Orleans.Personalization.Grains.Analytics;

/// <summary>Log messages of the analytics read model and the experiment monitor.</summary>
internal static partial class AnalyticsLog
{
    [LoggerMessage(601, LogLevel.Warning, "Reading partition {Partition} into the analytics read model failed; it is read again")]
    public static partial void ReadFailed(ILogger logger, Exception exception, int partition);

    [LoggerMessage(602, LogLevel.Information, "The analytics read model caught up: {Records} journal records, {Events} events held, in {ElapsedMs} ms")]
    public static partial void CaughtUp(ILogger logger, long records, int events, long elapsedMs);

    [LoggerMessage(603, LogLevel.Warning, "Checking experiment {ExperimentKey} for alerts failed; it is checked again later")]
    public static partial void AlertCheckFailed(ILogger logger, Exception exception, string experimentKey);

    [LoggerMessage(604, LogLevel.Warning, "Experiment {ExperimentKey} version {Version}: {Kind} ({AlertId})")]
    public static partial void AlertRaised(ILogger logger, string experimentKey, int version, string kind, string alertId);
}
