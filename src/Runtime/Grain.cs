using Orleans.Personalization.Runtime.Activation;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Runtime;

/// <summary>
/// Base class of every grain, with Orleans' contract: one activation at a time in the cluster, calls run
/// one at a time, so grain code takes no locks.
/// </summary>
public abstract class Grain
{
    private GrainActivation? _activation;
    private GrainRuntime? _runtime;

    /// <summary>This grain's identity.</summary>
    public GrainId GrainId => Activation.GrainId;

    /// <summary>The string key this grain was addressed with.</summary>
    protected string GrainKey => Activation.GrainId.Key;

    /// <summary>The partition this grain's journal and reminders live in.</summary>
    protected int Partition => Activation.Partition;

    protected IGrainFactory GrainFactory => Runtime.GrainFactory;

    protected TimeProvider TimeProvider => Runtime.TimeProvider;

    internal GrainRuntime Runtime => _runtime ?? throw new InvalidOperationException("The grain is not attached to a runtime.");

    private GrainActivation Activation => _activation ?? throw new InvalidOperationException("The grain is not activated.");

    internal void Attach(GrainActivation activation, GrainRuntime runtime)
    {
        _activation = activation;
        _runtime = runtime;
    }

    /// <summary>Called once, inside the first turn, before any other call.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called once, inside a turn, when the activation is going away.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called by the runtime at the end of every turn, whether the call succeeded or threw.</summary>
    internal virtual void OnTurnEnded()
    {
    }

    /// <summary>Asks the runtime to deactivate this activation once the current turn ends.</summary>
    protected void DeactivateOnIdle() => RequestDeactivation(DeactivationReason.Requested);

    internal void RequestDeactivation(DeactivationReason reason)
    {
        // StateInvalid and PartitionLost win over a plain request: they forbid writing on the way out.
        if (Activation.PendingDeactivation is null or DeactivationReason.Requested or DeactivationReason.Idle)
        {
            Activation.PendingDeactivation = reason;
        }
    }

    /// <summary>The partition's current lease epoch, presented with every write.</summary>
    /// <exception cref="LeaseLostException">This silo no longer holds the partition.</exception>
    protected long FencingToken =>
        Runtime.Ownership.TryGetLocalLease(Partition, out var lease)
            ? lease.Epoch
            : throw new LeaseLostException(Partition, -1);

    /// <summary>Registers (or moves) a durable reminder; it survives deactivation, restarts and failover.</summary>
    protected Task RegisterOrUpdateReminderAsync(string reminderName, TimeSpan dueTime, TimeSpan? period = null) =>
        Runtime.Reminders.RegisterAsync(Reminder(reminderName, dueTime, period), FencingToken);

    /// <summary>This grain's reminder <paramref name="reminderName"/>, due <paramref name="dueTime"/> from now.</summary>
    private protected ReminderEntry Reminder(string reminderName, TimeSpan dueTime, TimeSpan? period = null) =>
        this is IRemindable
            ? new ReminderEntry(GrainId, reminderName, Partition, TimeProvider.GetUtcNow() + dueTime, period)
            : throw new InvalidOperationException($"{GetType().Name} must implement IRemindable to register reminders.");

    /// <summary>Removes a reminder if it exists.</summary>
    protected Task UnregisterReminderAsync(string reminderName) =>
        Runtime.Reminders.UnregisterAsync(GrainId, reminderName, Partition, FencingToken);

    /// <summary>A reminder of this grain, or null.</summary>
    protected Task<ReminderEntry?> GetReminderAsync(string reminderName) =>
        Runtime.Reminders.GetAsync(GrainId, reminderName);
}
