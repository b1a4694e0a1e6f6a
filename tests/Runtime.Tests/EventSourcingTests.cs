using Microsoft.Extensions.DependencyInjection;
using Orleans.Personalization.Runtime.EventSourcing;
using Orleans.Personalization.Runtime.Placement;
using Orleans.Personalization.Runtime.Serialization;
using Orleans.Personalization.Runtime.Storage;
using Orleans.Personalization.Runtime.Tests.Grains;
using Orleans.Personalization.TestKit;

namespace Orleans.Personalization.Runtime.Tests;

public sealed class EventSourcingTests : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await RuntimeTestCluster.StartAsync(new Dictionary<string, string?>
    {
        ["Silo:SnapshotEveryEvents"] = "5",
    });

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task ConfirmedEventIsInTheJournalWhenTheCallReturns()
    {
        var key = RuntimeTestCluster.NewKey();

        await _cluster.GrainFactory.GetGrain<ICounterGrain>(key).AddAsync("views", 3);

        var records = await _cluster.Journal.ReadStreamAsync($"counter/{key}", 0);
        var record = Assert.Single(records);
        Assert.Equal(1, record.Sequence);
        Assert.Equal("counter-added", record.EventType);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EventsOfACallThatFailedBeforeConfirmingAreNeverAppended(bool afterAwait)
    {
        var key = RuntimeTestCluster.NewKey();
        var grain = _cluster.GrainFactory.GetGrain<ICounterGrain>(key);
        await grain.AddAsync("views", 1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.AddThenFailAsync("views", 100, afterAwait));

        // The next call's append carries only its own event, not the failed call's.
        Assert.Equal(3, await grain.AddAsync("views", 2));
        var records = await _cluster.Journal.ReadStreamAsync($"counter/{key}", 0);
        Assert.Equal(2, records.Count);
    }

    [Fact]
    public async Task ReplayingTheJournalFromZeroEqualsTheLiveState()
    {
        var key = RuntimeTestCluster.NewKey();
        ICounterGrain Grain() => _cluster.GrainFactory.GetGrain<ICounterGrain>(key);
        var random = new Random(42);
        for (var i = 0; i < 60; i++)
        {
            var name = $"c{random.Next(6)}";
            if (random.Next(5) == 0)
            {
                await Grain().ResetAsync(name);
            }
            else
            {
                await Grain().AddAsync(name, random.Next(1, 100));
            }

            if (i is 20 or 40)
            {
                await _cluster.CrashAndRestartAsync();
            }
        }

        var live = await Grain().GetStateJsonAsync();
        var (replayed, version) = await JournalReplay.ReplayAsync<CounterState, CounterEvent>(
            _cluster.Journal, $"counter/{key}", CounterJsonContext.Default.CounterEvent);

        Assert.True(version >= 48, $"expected most of the 60 commands to raise events, got {version}");
        Assert.Equal(live, CanonicalJson.Normalize(System.Text.Json.JsonSerializer.Serialize(replayed, CounterJsonContext.Default.CounterState)));
    }

    [Fact]
    public async Task SnapshotIsWrittenEveryNEventsAndActivationReplaysOnlyTheTail()
    {
        var key = RuntimeTestCluster.NewKey();
        var grain = _cluster.GrainFactory.GetGrain<ICounterGrain>(key);
        for (var i = 1; i <= 12; i++)
        {
            await grain.AddAsync("views", i);
        }

        var snapshots = _cluster.Services.GetRequiredService<ISnapshotStore>();
        var snapshot = await Eventually.ReturnsAsync(
            () => snapshots.ReadAsync($"counter/{key}"), s => s?.Version == 10, "the snapshot at version 10");
        var expected = await grain.GetStateJsonAsync();

        await _cluster.CrashAndRestartAsync();
        grain = _cluster.GrainFactory.GetGrain<ICounterGrain>(key);

        Assert.Equal(expected, await grain.GetStateJsonAsync());
        Assert.Equal(78, await grain.GetAsync("views"));
        Assert.Equal(10, snapshot!.Version);
    }

    [Fact]
    public async Task GracefulStopWritesSnapshotOfEveryActivation()
    {
        var key = RuntimeTestCluster.NewKey();
        await _cluster.GrainFactory.GetGrain<ICounterGrain>(key).AddAsync("views", 1);
        var snapshots = _cluster.Services.GetRequiredService<ISnapshotStore>();
        Assert.Null(await snapshots.ReadAsync($"counter/{key}"));

        await _cluster.RestartAsync();

        var snapshot = await _cluster.Services.GetRequiredService<ISnapshotStore>().ReadAsync($"counter/{key}");
        Assert.Equal(1, snapshot?.Version);
    }

    [Fact]
    public async Task WriteRefusedByFencingChangesNothingAndTheGrainReloads()
    {
        var key = RuntimeTestCluster.NewKey();
        var grain = _cluster.GrainFactory.GetGrain<ICounterGrain>(key);
        await grain.AddAsync("views", 5);

        // Another silo takes the partition behind this silo's back: its epoch moves on.
        var partition = _cluster.Services.GetRequiredService<PartitionMap>().PartitionOf($"counter/{key}");
        var store = _cluster.Services.GetRequiredService<IClusterStore>();
        var lease = (await store.ReadAsync()).Leases[partition];
        Assert.NotNull(await store.TryAcquireAsync(partition, "intruder", lease.Epoch, TimeSpan.FromMinutes(1)));

        await Assert.ThrowsAsync<LeaseLostException>(() => grain.AddAsync("views", 7));

        var journal = await _cluster.Journal.ReadStreamAsync($"counter/{key}", 0);
        Assert.Single(journal);
    }
}
