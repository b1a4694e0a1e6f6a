using Microsoft.Extensions.Logging;

namespace Orleans.Personalization.Grains.Recommendations;

/// <summary>Log messages of the recommendation side.</summary>
internal static partial class RecommendationsLog
{
    [LoggerMessage(101, LogLevel.Warning, "Applying co-occurrence contributions failed; {Pending} stay pending and are retried")]
    public static partial void FlushFailed(ILogger logger, Exception exception, int pending);

    [LoggerMessage(102, LogLevel.Debug, "Applied {Contributions} contributions to {Products} products in {ElapsedMs} ms")]
    public static partial void Flushed(ILogger logger, int contributions, int products, long elapsedMs);

    [LoggerMessage(103, LogLevel.Information, "Co-occurrence resumes partition {Partition} from position {Applied} (read up to {Read})")]
    public static partial void Resumed(ILogger logger, int partition, long applied, long read);

    [LoggerMessage(104, LogLevel.Warning, "The co-occurrence background loop failed; it keeps running")]
    public static partial void LoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(105, LogLevel.Warning, "Applying co-occurrence contributions at stop did not finish; {Pending} are read again from the journal at the next start")]
    public static partial void FinalFlushIncomplete(ILogger logger, Exception exception, int pending);
}
