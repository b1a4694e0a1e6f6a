namespace Orleans.Personalization.Runtime;

/// <summary>Why an activation is being deactivated; only some reasons still allow writes.</summary>
public enum DeactivationReason
{
    /// <summary>Unused for longer than the idle timeout.</summary>
    Idle,

    /// <summary>The grain asked for it.</summary>
    Requested,

    /// <summary>The silo is shutting down gracefully.</summary>
    Shutdown,

    /// <summary>Its state may be behind storage (a failed write); it must reload and must not write.</summary>
    StateInvalid,

    /// <summary>Another silo owns the partition now; writes would be refused.</summary>
    PartitionLost,

    /// <summary>
    /// The partition is being handed to another silo. No snapshot is written on the way out: the journal
    /// has everything, and a quick hand-over matters more than a faster activation on the other side.
    /// </summary>
    HandedOver,
}
