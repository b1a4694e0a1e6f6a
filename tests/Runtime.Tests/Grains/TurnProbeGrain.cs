using System.Collections.Concurrent;

namespace Orleans.Personalization.Runtime.Tests.Grains;

public sealed class TurnProbeGrain : Grain, ITurnProbeGrain
{
    /// <summary>Constructions per key, across activations: proves "at most one activation".</summary>
    public static readonly ConcurrentDictionary<string, int> Constructions = new();

    private readonly Guid _activationId = Guid.NewGuid();

    // Plain fields on purpose: turn-based execution is what makes them safe.
    private int _inside;
    private int _calls;
    private int _overlaps;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Constructions.AddOrUpdate(GrainKey, 1, static (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public async Task EnterAsync()
    {
        _inside++;
        if (_inside > 1)
        {
            _overlaps++;
        }

        _calls++;
        await Task.Yield();
        await Task.Delay(1);
        await Task.Yield();
        _inside--;
    }

    public async Task HoldAsync(string gateId)
    {
        var gate = TurnGate.Find(gateId);
        gate.Entered.SetResult();
        await gate.Release.Task;
    }

    public Task<TurnStats> GetStatsAsync() =>
        Task.FromResult(new TurnStats(_calls, _overlaps, Constructions.GetValueOrDefault(GrainKey)));

    public Task<Guid> GetActivationIdAsync() => Task.FromResult(_activationId);

    public Task<Guid> LeaveAfterThisCallAsync()
    {
        DeactivateOnIdle();
        return Task.FromResult(_activationId);
    }

    public Task<int> FailSynchronouslyAsync() => throw new InvalidOperationException("failed before returning a task");
}
