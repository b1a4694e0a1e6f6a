using Microsoft.Extensions.DependencyInjection;
using Orleans.Personalization.Runtime.Projections;
using Orleans.Personalization.Runtime.Tests.Grains;
using Orleans.Personalization.TestKit;

namespace Orleans.Personalization.Runtime.Tests;

public sealed class ProjectionTests : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await RuntimeTestCluster.StartAsync(new Dictionary<string, string?>
    {
        // Long poll, so only local appends and explicit passes drive the projection in these tests.
        ["Projections:PollInterval"] = "00:10:00",
    });

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private StreamCountingProjection Projection => _cluster.Services.GetRequiredService<StreamCountingProjection>();

    private SideBySideProjection SideBySide => _cluster.Services.GetRequiredService<SideBySideProjection>();

    private ProjectionService Runner => _cluster.Services.GetRequiredService<ProjectionService>();

    [Fact]
    public async Task ProjectionSeesEveryMatchingEventOnce()
    {
        var keys = Enumerable.Range(0, 12).Select(_ => RuntimeTestCluster.NewKey()).ToArray();
        foreach (var key in keys)
        {
            await _cluster.GrainFactory.GetGrain<ICounterGrain>(key).AddAsync("a", 1);
            await _cluster.GrainFactory.GetGrain<ICounterGrain>(key).AddAsync("b", 1);
            await _cluster.GrainFactory.GetGrain<ICounterGrain>(key).ResetAsync("a");
        }

        await Runner.RunOnceAsync();

        Assert.All(keys, key => Assert.Equal(2, Projection.AddedPerStream[$"counter/{key}"]));
        Assert.Equal(Projection.Delivered.Count, Projection.Delivered.Distinct().Count());
    }

    [Fact]
    public async Task LocalAppendWakesTheProjectionWithoutAPass()
    {
        var key = RuntimeTestCluster.NewKey();

        await _cluster.GrainFactory.GetGrain<ICounterGrain>(key).AddAsync("a", 1);

        await Eventually.TrueAsync(() => Projection.AddedPerStream.ContainsKey($"counter/{key}"), "the projection to see the event");
    }

    [Fact]
    public async Task AfterARestartTheProjectionResumesFromItsCheckpoint()
    {
        var key = RuntimeTestCluster.NewKey();
        await _cluster.GrainFactory.GetGrain<ICounterGrain>(key).AddAsync("a", 1);
        await Runner.RunOnceAsync();

        await _cluster.CrashAndRestartAsync();
        await _cluster.GrainFactory.GetGrain<ICounterGrain>(key).AddAsync("a", 1);
        await Runner.RunOnceAsync();

        // The new silo's projection instance saw only the event after the checkpoint.
        Assert.Equal(1, Projection.AddedPerStream[$"counter/{key}"]);
        Assert.Single(Projection.Delivered);
    }

    [Fact]
    public async Task AProjectionThatCatchesUpTogetherHandlesSeveralPartitionsAtOnceAndEachEventOnce()
    {
        // Held, the first pass (woken by the first append) waits while the appends make many partitions pending;
        // released, the next pass should hand them over side by side.
        var first = SideBySide;
        first.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var keys = Enumerable.Range(0, 24).Select(_ => RuntimeTestCluster.NewKey()).ToArray();
        foreach (var key in keys)
        {
            await _cluster.GrainFactory.GetGrain<ICounterGrain>(key).AddAsync("a", 1);
            await _cluster.GrainFactory.GetGrain<ICounterGrain>(key).AddAsync("b", 1);
        }

        first.AwaitPartitions = 3;
        first.Hold.SetResult();
        await Runner.RunOnceAsync();
        first.AwaitPartitions = 1;
        await _cluster.CrashAndRestartAsync();
        foreach (var key in keys.Take(4))
        {
            await _cluster.GrainFactory.GetGrain<ICounterGrain>(key).AddAsync("a", 1);
        }

        await Runner.RunOnceAsync();

        Assert.True(first.MostAtOnce >= 3, $"at most {first.MostAtOnce} partitions were handed over at once");
        Assert.Equal(keys.Length * 2, first.Delivered.Distinct().Count());
        Assert.Equal(keys.Length * 2, first.Delivered.Count);
        Assert.All(keys, key => Assert.Equal(2, first.AddedPerStream[$"counter/{key}"]));
        // The new silo's instance resumed each partition from its stored checkpoint: it saw the four new events, and
        // again at most what the first instance had handled since its checkpoints were last stored.
        var seenBefore = first.Delivered.ToHashSet();
        Assert.Equal(4, SideBySide.Delivered.Count(d => !seenBefore.Contains(d)));
        Assert.Equal(SideBySide.Delivered.Count, SideBySide.Delivered.Distinct().Count());
    }
}
