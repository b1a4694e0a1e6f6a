using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Runtime.Hosting;
using Orleans.Personalization.Runtime.Placement;
using Orleans.Personalization.Runtime.Reminders;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Runtime;

/// <summary>The silo services a grain reaches through its base class.</summary>
public sealed class GrainRuntime(
    IGrainFactory grainFactory,
    IJournalStore journal,
    ISnapshotStore snapshots,
    ReminderRegistry reminders,
    IPartitionOwnership ownership,
    TimeProvider timeProvider,
    IOptions<SiloOptions> options,
    ILoggerFactory loggerFactory)
{
    public IGrainFactory GrainFactory { get; } = grainFactory;

    public IJournalStore Journal { get; } = journal;

    public ISnapshotStore Snapshots { get; } = snapshots;

    public ReminderRegistry Reminders { get; } = reminders;

    public IPartitionOwnership Ownership { get; } = ownership;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public SiloOptions Options { get; } = options.Value;

    public ILoggerFactory LoggerFactory { get; } = loggerFactory;
}
