using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Runtime.EventSourcing;

/// <summary>
/// An event-sourced grain, after Orleans' JournaledGrain: commands check state, <see cref="RaiseEvent"/>
/// queues events, <see cref="ConfirmEventsAsync"/> appends them durably and only then applies them. State
/// is a fold of the journal; snapshots make activation replay only the tail.
/// </summary>
public abstract class JournaledGrain<TState, TEvent> : Grain
    where TState : class, IJournaledState<TEvent>, new()
    where TEvent : class, IJournalEvent
{
    // What the current turn raised, null when nothing: most activations wait far longer than they work, and an idle
    // one should not hold even an empty list.
    private List<TEvent>? _pending;
    private List<ReminderEntry>? _pendingReminders;
    private long _snapshotVersion;
    private Task _snapshotWrite = Task.CompletedTask;

    /// <summary>The confirmed state.</summary>
    protected TState State { get; private set; } = new();

    /// <summary>Number of confirmed events.</summary>
    protected long Version { get; private set; }

    /// <summary>Serialization of events; its type must be polymorphic with stable discriminators.</summary>
    protected abstract JsonTypeInfo<TEvent> EventTypeInfo { get; }

    /// <summary>Serialization of the state for snapshots.</summary>
    protected abstract JsonTypeInfo<TState> StateTypeInfo { get; }

    private string StreamId => GrainId.ToString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var snapshot = await Runtime.Snapshots.ReadAsync(StreamId, cancellationToken);
        if (snapshot is not null)
        {
            State = JsonSerializer.Deserialize(snapshot.State, StateTypeInfo) ?? new TState();
            Version = _snapshotVersion = snapshot.Version;
        }

        var tail = await Runtime.Journal.ReadStreamAsync(StreamId, Version, cancellationToken);
        foreach (var record in tail)
        {
            State.Apply(Deserialize(record));
        }

        Version += tail.Count;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _snapshotWrite;
        if (reason is DeactivationReason.Idle or DeactivationReason.Requested or DeactivationReason.Shutdown
            && Version > _snapshotVersion)
        {
            await WriteSnapshotAsync(SerializeState(), Version);
        }
    }

    /// <summary>
    /// Events (and reminders) raised in a turn and not confirmed in it are dropped when the turn ends: a call
    /// that threw between raising and confirming (a nested grain call failing) must not leave its events to be
    /// appended by the next call, which may be the same messages delivered again.
    /// </summary>
    internal override void OnTurnEnded()
    {
        _pending = null;
        _pendingReminders = null;
    }

    /// <summary>Queues an event; nothing changes until <see cref="ConfirmEventsAsync"/> in the same turn.</summary>
    protected void RaiseEvent(TEvent @event) => (_pending ??= []).Add(@event);

    /// <summary>Queues several events, in order.</summary>
    protected void RaiseEvents(IEnumerable<TEvent> events) => (_pending ??= []).AddRange(events);

    /// <summary>
    /// Registers (or moves) a durable reminder in the same atomic write as the events <see cref="ConfirmEventsAsync"/>
    /// appends next in this turn: a crash leaves both or neither, and the write costs no commit of its own. With no
    /// events to confirm, the reminder is registered on its own; a turn that ends without confirming drops it.
    /// </summary>
    protected void RegisterOrUpdateReminderWithEvents(string reminderName, TimeSpan dueTime) =>
        (_pendingReminders ??= []).Add(Reminder(reminderName, dueTime));

    /// <summary>
    /// Appends the queued events durably, then applies them. If the append fails nothing is applied, the
    /// exception reaches the caller, and the activation is dropped so the next call reloads from storage
    /// (a failed write may still have landed).
    /// </summary>
    protected async Task ConfirmEventsAsync()
    {
        var events = _pending?.ToArray() ?? [];
        var reminders = _pendingReminders ?? [];
        _pending = null;
        _pendingReminders = null;
        if (events.Length == 0)
        {
            foreach (var reminder in reminders)
            {
                await Runtime.Reminders.RegisterAsync(reminder, FencingToken);
            }

            return;
        }

        try
        {
            var records = new NewJournalEvent[events.Length];
            for (var i = 0; i < events.Length; i++)
            {
                records[i] = new NewJournalEvent(
                    JournalEventTypeNames.Of(events[i]),
                    JsonSerializer.SerializeToUtf8Bytes(events[i], EventTypeInfo),
                    events[i].Timestamp);
            }

            await Runtime.Journal.AppendAsync(new JournalAppend(StreamId, Partition, FencingToken, Version, records) { Reminders = reminders });
        }
        catch
        {
            RequestDeactivation(DeactivationReason.StateInvalid);
            throw;
        }

        foreach (var reminder in reminders)
        {
            Runtime.Reminders.Announce(reminder);
        }

        foreach (var @event in events)
        {
            State.Apply(@event);
        }

        Version += events.Length;
        if (Version - _snapshotVersion >= Runtime.Options.SnapshotEveryEvents && _snapshotWrite.IsCompleted)
        {
            // The state is serialized now, inside the turn, so the write in the background cannot see a
            // later state; the store keeps whichever snapshot has the higher version.
            _snapshotWrite = WriteSnapshotAsync(SerializeState(), Version);
        }
    }

    /// <summary>Every confirmed event of this grain, read back from the journal.</summary>
    protected async Task<IReadOnlyList<TEvent>> ReadJournalAsync()
    {
        var records = await Runtime.Journal.ReadStreamAsync(StreamId, 0);
        return records.Select(Deserialize).ToArray();
    }

    /// <summary>The state as JSON, for snapshots and for comparing a live state with a replay.</summary>
    protected byte[] SerializeState() => JsonSerializer.SerializeToUtf8Bytes(State, StateTypeInfo);

    private TEvent Deserialize(JournalRecord record) =>
        JsonSerializer.Deserialize(record.Payload, EventTypeInfo)
            ?? throw new InvalidDataException($"Event {record.Sequence} of {StreamId} is null.");

    private async Task WriteSnapshotAsync(byte[] state, long version)
    {
        try
        {
            await Runtime.Snapshots.WriteAsync(StreamId, Partition, FencingToken, new GrainSnapshot(version, state));
            _snapshotVersion = Math.Max(_snapshotVersion, version);
        }
        catch (Exception ex)
        {
            RuntimeLog.SnapshotFailed(Runtime.LoggerFactory.CreateLogger(GetType()), ex, GrainId, version);
        }
    }
}
