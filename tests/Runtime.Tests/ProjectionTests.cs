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
}
