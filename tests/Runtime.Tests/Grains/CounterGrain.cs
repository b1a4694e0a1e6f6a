using System.Text.Json.Serialization.Metadata;
using Orleans.Personalization.Runtime.EventSourcing;
using Orleans.Personalization.Runtime.Serialization;

namespace Orleans.Personalization.Runtime.Tests.Grains;

public sealed class CounterGrain : JournaledGrain<CounterState, CounterEvent>, ICounterGrain
{
    private readonly Guid _activationId = Guid.NewGuid();

    protected override JsonTypeInfo<CounterEvent> EventTypeInfo => CounterJsonContext.Default.CounterEvent;

    protected override JsonTypeInfo<CounterState> StateTypeInfo => CounterJsonContext.Default.CounterState;

    public async Task<long> AddAsync(string name, long amount)
    {
        RaiseEvent(new CounterAdded(name, amount, TimeProvider.GetUtcNow()));
        await ConfirmEventsAsync();
        return State.Totals[name];
    }

    public async Task AddThenFailAsync(string name, long amount, bool afterAwait)
    {
        RaiseEvent(new CounterAdded(name, amount, TimeProvider.GetUtcNow()));
        if (afterAwait)
        {
            await Task.Yield();
        }

        throw new InvalidOperationException("Failed between raising and confirming.");
    }

    public async Task ResetAsync(string name)
    {
        if (State.Totals.ContainsKey(name))
        {
            RaiseEvent(new CounterReset(name, TimeProvider.GetUtcNow()));
            await ConfirmEventsAsync();
        }
    }

    public Task<long> GetAsync(string name) => Task.FromResult(State.Totals.GetValueOrDefault(name));

    public Task<string> GetStateJsonAsync() => Task.FromResult(CanonicalJson.Normalize(SerializeState()));

    public Task<Guid> GetActivationIdAsync() => Task.FromResult(_activationId);
}
