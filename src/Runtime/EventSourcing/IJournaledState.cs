namespace Orleans.Personalization.Runtime.EventSourcing;

/// <summary>
/// Event-sourced state: a deterministic fold of its events. <see cref="Apply"/> does no I/O, reads no
/// clock and never throws; every rejection happens before an event is raised.
/// </summary>
public interface IJournaledState<in TEvent>
{
    /// <summary>Folds one confirmed event into the state.</summary>
    void Apply(TEvent domainEvent);
}
