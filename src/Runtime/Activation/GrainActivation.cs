namespace Orleans.Personalization.Runtime.Activation;

/// <summary>
/// One activation of a grain. The turn semaphore makes calls run one at a time; status changes happen
/// only while holding it, so a caller that waited on a deactivated activation sees that and retries.
/// </summary>
internal sealed class GrainActivation(GrainId grainId, int partition)
{
    public GrainId GrainId { get; } = grainId;

    public int Partition { get; } = partition;

    public SemaphoreSlim Turn { get; } = new(1, 1);

    public ActivationStatus Status { get; set; }

    public Grain? Grain { get; set; }

    public long LastUsedTimestamp { get; set; }

    public DeactivationReason? PendingDeactivation { get; set; }
}
