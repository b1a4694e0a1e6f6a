using Orleans.Personalization.Runtime.Tests.Grains;
using Orleans.Personalization.TestKit;

namespace Orleans.Personalization.Runtime.Tests;

public sealed class GrainActivationTests : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await RuntimeTestCluster.StartAsync(new Dictionary<string, string?>
    {
        ["Silo:ActivationIdleTimeout"] = "00:10:00",
        ["Silo:CollectionInterval"] = "01:00:00",
    });

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task ConcurrentFirstCallsCreateExactlyOneActivation()
    {
        var key = RuntimeTestCluster.NewKey();
        var start = new TaskCompletionSource();
        var callers = Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await _cluster.GrainFactory.GetGrain<ITurnProbeGrain>(key).GetActivationIdAsync();
        })).ToArray();

        start.SetResult();
        var ids = await Task.WhenAll(callers);

        Assert.Single(ids.Distinct());
        Assert.Equal(1, TurnProbeGrain.Constructions[key]);
    }

    [Fact]
    public async Task CallsToOneGrainNeverInterleave()
    {
        var key = RuntimeTestCluster.NewKey();
        const int Threads = 16;
        const int CallsPerThread = 40;
        var start = new TaskCompletionSource();
        var threads = Enumerable.Range(0, Threads).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            var grain = _cluster.GrainFactory.GetGrain<ITurnProbeGrain>(key);
            var calls = Enumerable.Range(0, CallsPerThread).Select(_ => grain.EnterAsync());
            await Task.WhenAll(calls);
        })).ToArray();

        start.SetResult();
        await Task.WhenAll(threads);
        var stats = await _cluster.GrainFactory.GetGrain<ITurnProbeGrain>(key).GetStatsAsync();

        Assert.Equal(Threads * CallsPerThread, stats.Calls);
        Assert.Equal(0, stats.Overlaps);
    }

    [Fact]
    public async Task CallQueuesBehindABlockedTurnWhileOtherGrainsProceed()
    {
        var held = _cluster.GrainFactory.GetGrain<ITurnProbeGrain>(RuntimeTestCluster.NewKey());
        var other = _cluster.GrainFactory.GetGrain<ITurnProbeGrain>(RuntimeTestCluster.NewKey());
        var gate = new TurnGate();

        var holding = held.HoldAsync(gate.Id);
        await gate.Entered.Task;
        var queued = held.EnterAsync();
        await other.EnterAsync();

        Assert.False(queued.IsCompleted, "a second call ran while the first call's turn was still open");
        gate.Release.SetResult();
        await holding;
        await queued;
        Assert.Equal(1, (await held.GetStatsAsync()).Calls);
    }

    [Fact]
    public async Task AGrainThatAnswersAtOnceCanStillAskToBeDeactivatedAfterTheCall()
    {
        // Calls to an active grain between turns run without queueing; the end of such a turn must still honour a
        // deactivation the call asked for.
        var grain = _cluster.GrainFactory.GetGrain<ITurnProbeGrain>(RuntimeTestCluster.NewKey());
        var first = await grain.GetActivationIdAsync();

        var leaving = await grain.LeaveAfterThisCallAsync();
        var next = await grain.GetActivationIdAsync();

        Assert.Equal(first, leaving);
        Assert.NotEqual(first, next);
    }

    [Fact]
    public async Task ASynchronousFailureReachesTheCallerAsItselfAndEndsTheTurn()
    {
        var grain = _cluster.GrainFactory.GetGrain<ITurnProbeGrain>(RuntimeTestCluster.NewKey());
        var id = await grain.GetActivationIdAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.FailSynchronouslyAsync());

        Assert.Equal("failed before returning a task", error.Message);
        Assert.Equal(id, await grain.GetActivationIdAsync());
    }

    [Fact]
    public async Task IdleActivationIsCollectedAndComesBackWithIdenticalState()
    {
        var key = RuntimeTestCluster.NewKey();
        var grain = _cluster.GrainFactory.GetGrain<ICounterGrain>(key);
        for (var i = 0; i < 7; i++)
        {
            await grain.AddAsync(i % 2 == 0 ? "views" : "carts", i + 1);
        }

        await grain.ResetAsync("carts");
        var stateBefore = await grain.GetStateJsonAsync();
        var activationBefore = await grain.GetActivationIdAsync();

        _cluster.Clock.Advance(TimeSpan.FromMinutes(11));
        await _cluster.Activations.CollectIdleAsync();

        Assert.False(_cluster.Activations.IsActive(new GrainId("counter", key)));
        Assert.Equal(stateBefore, await grain.GetStateJsonAsync());
        Assert.NotEqual(activationBefore, await grain.GetActivationIdAsync());
    }

    [Fact]
    public async Task RecentlyUsedActivationIsNotCollected()
    {
        var key = RuntimeTestCluster.NewKey();
        var grain = _cluster.GrainFactory.GetGrain<ICounterGrain>(key);
        await grain.AddAsync("views", 1);
        var activation = await grain.GetActivationIdAsync();

        _cluster.Clock.Advance(TimeSpan.FromMinutes(9));
        await grain.AddAsync("views", 1);
        _cluster.Clock.Advance(TimeSpan.FromMinutes(9));
        await _cluster.Activations.CollectIdleAsync();

        Assert.True(_cluster.Activations.IsActive(new GrainId("counter", key)));
        Assert.Equal(activation, await grain.GetActivationIdAsync());
    }
}
