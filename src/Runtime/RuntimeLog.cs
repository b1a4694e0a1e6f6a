using Microsoft.Extensions.Logging;

namespace Orleans.Personalization.Runtime;

/// <summary>The runtime's log messages, source-generated so hot paths do not allocate.</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(1, LogLevel.Information, "Silo {SiloId} holds {Held} of {PartitionCount} partitions")]
    public static partial void PartitionsAcquired(ILogger logger, string siloId, int held, int partitionCount);

    [LoggerMessage(2, LogLevel.Warning, "Silo {SiloId} lost partition {Partition}")]
    public static partial void PartitionLost(ILogger logger, string siloId, int partition);

    [LoggerMessage(3, LogLevel.Error, "Silo {SiloId} could not renew its leases")]
    public static partial void LeaseRenewalFailed(ILogger logger, Exception exception, string siloId);

    [LoggerMessage(4, LogLevel.Error, "Deactivating {GrainId} failed")]
    public static partial void DeactivationFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(5, LogLevel.Debug, "Collected {Count} idle activations")]
    public static partial void IdleCollected(ILogger logger, int count);

    [LoggerMessage(6, LogLevel.Error, "Reminder {ReminderName} of {GrainId} failed; it stays due")]
    public static partial void ReminderFailed(ILogger logger, Exception exception, GrainId grainId, string reminderName);

    [LoggerMessage(7, LogLevel.Error, "Writing a snapshot of {GrainId} at version {Version} failed")]
    public static partial void SnapshotFailed(ILogger logger, Exception exception, GrainId grainId, long version);

    [LoggerMessage(8, LogLevel.Error, "The {Loop} loop failed; it keeps running")]
    public static partial void BackgroundLoopFailed(ILogger logger, Exception exception, string loop);

    [LoggerMessage(10, LogLevel.Warning, "Stopping {Step} failed; the silo stops anyway")]
    public static partial void StopStepFailed(ILogger logger, Exception exception, string step);

    [LoggerMessage(11, LogLevel.Error, "Projection {Projection} failed on partition {Partition}; the batch will be retried")]
    public static partial void ProjectionFailed(ILogger logger, Exception exception, string projection, int partition);

    [LoggerMessage(12, LogLevel.Information, "Silo {SiloId} handed partition {Partition} over")]
    public static partial void PartitionHandedOver(ILogger logger, string siloId, int partition);

    [LoggerMessage(13, LogLevel.Debug, "Silo {SiloId} could not take partition {Partition} this round")]
    public static partial void AcquireFailed(ILogger logger, Exception exception, string siloId, int partition);

    [LoggerMessage(9, LogLevel.Information, "Silo {SiloId} stopping: deactivating {Count} activations")]
    public static partial void Draining(ILogger logger, string siloId, int count);

    [LoggerMessage(14, LogLevel.Warning, "The idle collection loop did not stop within {Seconds} s; the silo stops without it")]
    public static partial void CollectorDidNotStop(ILogger logger, double seconds);
}
