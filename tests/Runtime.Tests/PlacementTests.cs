using System.Reflection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Personalization.Runtime.Activation;
using Orleans.Personalization.Runtime.Calls;
using Orleans.Personalization.Runtime.Hosting;
using Orleans.Personalization.Runtime.Placement;
using Orleans.Personalization.Runtime.Storage;
using Orleans.Personalization.Runtime.Tests.Grains;

namespace Orleans.Personalization.Runtime.Tests;

public sealed class PlacementTests
{
    [Theory]
    [InlineData("user/u:alice", 64, 9)]
    [InlineData("user/a:7f3c2a", 64, 53)]
    [InlineData("product/214536502", 64, 10)]
    [InlineData("user/u:alice", 7, 5)]
    public void PartitionOfAKeyNeverChanges(string streamId, int partitionCount, int expected)
    {
        // Pinned values: the journal is partitioned by this hash, so changing it would strand stored data.
        Assert.Equal(expected, new PartitionMap(partitionCount).PartitionOf(streamId));
        Assert.Equal(expected, new PartitionMap(partitionCount).PartitionOf(GrainId.Parse(streamId)));
    }

    [Theory]
    [InlineData("user", "u:zoë/ß")]
    [InlineData("product", "a/b%2Fc")]
    [InlineData("user", "u:日本")]
    public void AGrainIdHashesAsItsStreamId(string type, string key)
    {
        var map = new PartitionMap(64);
        var id = new GrainId(type, key);
        Assert.Equal(map.PartitionOf(id.ToString()), map.PartitionOf(id));
    }

    [Fact]
    public void PartitionsSpreadKeysEvenly()
    {
        var map = new PartitionMap(64);
        var counts = new int[64];
        for (var i = 0; i < 64_000; i++)
        {
            counts[map.PartitionOf($"user/u:{i}")]++;
        }

        // 1,000 expected per partition; a binomial standard deviation is about 31, so ±20 % is > 6 sigma.
        Assert.All(counts, count => Assert.InRange(count, 800, 1200));
    }

    [Fact]
    public async Task CallForAPartitionHeldByAnotherSiloGoesToThatSilo()
    {
        var remote = new RecordingRemoteInvoker();
        var router = CreateRouter(new FixedOwnership(owner: "silo-b"), remote);
        var registry = new GrainTypeRegistry();
        registry.Register(typeof(ICounterGrain), typeof(CounterGrain));
        var grain = new GrainFactory(registry, new Lazy<GrainCallRouter>(router)).GetGrain<ICounterGrain>("k1");

        var value = await grain.AddAsync("views", 2);


        Assert.Equal(42, value);
        Assert.Equal(("silo-b", new GrainId("counter", "k1"), "AddAsync"), remote.Calls.Single());
    }

    [Fact]
    public async Task CallForAPartitionNobodyHoldsIsRetriedUntilTheCallTimeout()
    {
        var router = CreateRouter(new FixedOwnership(owner: null), remote: null, timeout: TimeSpan.FromMilliseconds(500));
        var registry = new GrainTypeRegistry();
        registry.Register(typeof(ICounterGrain), typeof(CounterGrain));
        var grain = new GrainFactory(registry, new Lazy<GrainCallRouter>(router)).GetGrain<ICounterGrain>("k1");

        var error = await Assert.ThrowsAsync<TimeoutException>(() => grain.AddAsync("views", 2));

        Assert.Contains("no silo served its partition", error.Message, StringComparison.Ordinal);
    }

    private static GrainCallRouter CreateRouter(IPartitionOwnership ownership, IRemoteGrainInvoker? remote, TimeSpan? timeout = null)
    {
        var options = Options.Create(new SiloOptions { GrainCallTimeout = timeout ?? TimeSpan.FromSeconds(30) });
        var map = new PartitionMap(8);
        var directory = new ActivationDirectory(null!, new GrainTypeRegistry(), map, options, TimeProvider.System, NullLogger<ActivationDirectory>.Instance);
        return new GrainCallRouter(map, ownership, directory, options, remote);
    }

    private sealed class FixedOwnership(string? owner) : IPartitionOwnership
    {
        public string LocalSiloId => "silo-a";

        public IReadOnlyCollection<int> LocalPartitions => [];

        public event Action<int>? PartitionLost { add { } remove { } }

        public bool TryGetLocalLease(int partition, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PartitionLease? lease)
        {
            lease = null;
            return false;
        }

        public string? OwnerOf(int partition) => owner;

        public bool IsServing(int partition) => false;

        public string? SiloAddress(string siloId) => null;

        public ClusterSnapshot? LastSnapshot => null;
    }

    private sealed class RecordingRemoteInvoker : IRemoteGrainInvoker
    {
        public List<(string Silo, GrainId Grain, string Method)> Calls { get; } = [];

        public Task<TResult> InvokeAsync<TResult>(string siloId, GrainId grainId, MethodInfo method, object?[] arguments, CancellationToken cancellationToken)
        {
            Calls.Add((siloId, grainId, method.Name));
            return Task.FromResult((TResult)(object)42L);
        }
    }
}
