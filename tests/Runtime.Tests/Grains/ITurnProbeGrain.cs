namespace Orleans.Personalization.Runtime.Tests.Grains;

/// <summary>Detects interleaved turns: counts calls that found another call already inside.</summary>
public interface ITurnProbeGrain : IGrainWithStringKey
{
    /// <summary>Enters, yields to other work a few times, and leaves.</summary>
    Task EnterAsync();

    /// <summary>Signals the gate's Entered, then keeps the turn open until the gate's Release.</summary>
    Task HoldAsync(string gateId);

    /// <summary>Calls seen and calls that overlapped another.</summary>
    Task<TurnStats> GetStatsAsync();

    /// <summary>An id unique to this activation.</summary>
    Task<Guid> GetActivationIdAsync();

    /// <summary>Asks to be deactivated once this call ends, answering at once (without awaiting anything).</summary>
    Task<Guid> LeaveAfterThisCallAsync();

    /// <summary>Throws before returning a task (a synchronous failure, not a faulted task).</summary>
    Task<int> FailSynchronouslyAsync();
}

public sealed record TurnStats(int Calls, int Overlaps, int Activations);
