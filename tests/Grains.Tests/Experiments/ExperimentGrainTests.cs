using System.Text.Json;
using Orleans.Personalization.Analytics;
using Orleans.Personalization.Analytics.Experiments;
using Orleans.Personalization.Grains.Events;
using Orleans.Personalization.Grains.Interfaces;
using Orleans.Personalization.Grains.Interfaces.Experiments;
using Orleans.Personalization.TestKit;
using static Orleans.Personalization.Grains.Tests.Experiments.Experiments;
using static Orleans.Personalization.Grains.Tests.Message;

namespace Orleans.Personalization.Grains.Tests.Experiments;

public sealed class ExperimentGrainTests : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = new InProcessTestCluster(services => services.AddPersonalizationGrains());
        await _cluster.StartAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private IUserGrain Shopper(string key) => _cluster.GrainFactory.GetGrain<IUserGrain>(key);

    private async Task<ExperimentSpec> CreateAsync(ExperimentSpec spec)
    {
        var change = await _cluster.GrainFactory.Registry().CreateExperimentAsync(spec);
        Assert.Empty(change.Errors);
        return change.Stored!;
    }

    private Task<ExperimentAssignment> AssignAsync(string shopper, ExperimentSpec spec) =>
        Shopper(shopper).AssignExperimentAsync(new ExperimentAssignmentRequest(spec.Definition, ExperimentAssignmentRequest.FromApi));

    private async Task<ExperimentExposed[]> ExposuresAsync(string shopper) =>
        (await _cluster.Journal.ReadStreamAsync($"user/{shopper}", 0))
            .Where(static r => r.EventType == "experiment-exposure")
            .Select(static r => (ExperimentExposed)JsonSerializer.Deserialize(r.Payload, ShopperJsonContext.Default.ShopperEvent)!)
            .ToArray();

    [Fact]
    public async Task TheVariantIsTheOneHashingGivesAndOneExposureIsJournaled()
    {
        var spec = await CreateAsync(Spec(NewKey("exp"), ("a", 50), ("b", 50)));
        var shopper = UserIn(spec, "b");

        var first = await AssignAsync(shopper, spec);
        var second = await AssignAsync(shopper, spec);

        Assert.Equal("b", first.Variant);
        Assert.True(first.ExposureLogged);
        Assert.Equal("b", second.Variant);
        Assert.False(second.ExposureLogged);
        var exposure = Assert.Single(await ExposuresAsync(shopper));
        Assert.Equal((spec.Key, "b", 1, 1, ExperimentAssignmentRequest.FromApi), (exposure.ExperimentKey, exposure.Variant, exposure.AssignedVersion, exposure.ExposedVersion, exposure.Source));
    }

    [Fact]
    public async Task AnAssignmentSurvivesARestartWithoutASecondExposure()
    {
        var spec = await CreateAsync(Spec(NewKey("exp"), ("a", 50), ("b", 50)));
        var shopper = AnonymousIn(spec, "a");
        await AssignAsync(shopper, spec);

        await _cluster.RestartAsync();
        var after = await AssignAsync(shopper, spec);

        Assert.Equal("a", after.Variant);
        Assert.False(after.ExposureLogged);
        Assert.Single(await ExposuresAsync(shopper));
    }

    [Fact]
    public async Task ReweightingMovesNobodyAlreadyAssignedAndLogsOneExposurePerVersion()
    {
        var spec = await CreateAsync(Spec(NewKey("exp"), ("a", 50), ("b", 50)));
        var inA = UserIn(spec, "a");
        await AssignAsync(inA, spec);

        var revised = await _cluster.GrainFactory.Registry().ReviseExperimentAsync(Spec(spec.Key, ("a", 0), ("b", 100)) with
        {
            Definition = Spec(spec.Key, ("a", 0), ("b", 100)).Definition with { Version = 2 },
        });
        var v2 = revised.Stored!;
        var kept = await AssignAsync(inA, v2);
        var again = await AssignAsync(inA, v2);
        var newcomer = await AssignAsync(UserIn(spec, "a"), v2);

        Assert.Equal(("a", 1, true), (kept.Variant, kept.AssignedVersion, kept.ExposureLogged));
        Assert.False(again.ExposureLogged);
        Assert.Equal([(1, 1), (1, 2)], (await ExposuresAsync(inA)).Select(static e => (e.AssignedVersion, e.ExposedVersion)));
        Assert.Equal(("b", 2), (newcomer.Variant, newcomer.AssignedVersion));
    }

    [Fact]
    public async Task AnAnonymousVariantFollowsTheShopperIntoTheUserItBecomes()
    {
        var spec = await CreateAsync(Spec(NewKey("exp"), ("a", 50), ("b", 50)));
        var anonymous = AnonymousIn(spec, "a");
        var user = UserIn(spec, "b");
        await AssignAsync(anonymous, spec);

        await Shopper(user).TrackAsync([Identify(ShopperKey.IdOf(user), ShopperKey.IdOf(anonymous))]);
        var asUser = await AssignAsync(user, spec);
        var asAnonymous = await AssignAsync(anonymous, spec);

        Assert.Equal(("a", false), (asUser.Variant, asUser.ExposureLogged));
        Assert.Equal(user, asAnonymous.RedirectTo);
    }

    [Fact]
    public async Task WhenBothIdsHadAVariantTheEarlierAssignmentStaysAfterTheMerge()
    {
        var spec = await CreateAsync(Spec(NewKey("exp"), ("a", 50), ("b", 50)));
        var user = UserIn(spec, "b");
        var anonymous = AnonymousIn(spec, "a");
        await AssignAsync(user, spec);
        _cluster.Clock.Advance(TimeSpan.FromMinutes(5));
        await AssignAsync(anonymous, spec);

        await Shopper(user).TrackAsync([Identify(ShopperKey.IdOf(user), ShopperKey.IdOf(anonymous), at: _cluster.Clock.GetUtcNow())]);

        Assert.Equal("b", (await AssignAsync(user, spec)).Variant);
    }

    [Fact]
    public async Task TargetingOnTheLoyaltyScoreAdmitsAShopperOnceTheyHaveBought()
    {
        var spec = await CreateAsync(Spec(NewKey("exp"), ("a", 50), ("b", 50)) with
        {
            Definition = Spec("x", ("a", 50), ("b", 50)).Definition with
            {
                Key = NewKey("loyal"),
                Targeting = [new PropertyFilter("loyaltyScore", FilterOperator.GreaterOrEqual, "20")],
            },
        });
        var shopper = ShopperKey.ForUser(NewKey("u"));
        var now = _cluster.Clock.GetUtcNow();

        var before = await AssignAsync(shopper, spec);
        await Shopper(shopper).TrackAsync([Track("Order Completed", """{"order_id":"o1","revenue":250}""", now, ShopperKey.IdOf(shopper), null)]);
        var after = await AssignAsync(shopper, spec);

        Assert.Null(before.Variant);
        Assert.False(before.ExposureLogged);
        Assert.NotNull(after.Variant);
        Assert.Single(await ExposuresAsync(shopper));
    }

    [Fact]
    public async Task TheRegistryRefusesADuplicateKeyWeightsNotSummingTo100AndARemovedVariant()
    {
        var spec = await CreateAsync(Spec(NewKey("exp"), ("a", 50), ("b", 50)));
        var registry = _cluster.GrainFactory.Registry();

        var duplicate = await registry.CreateExperimentAsync(Spec(spec.Key.ToUpperInvariant(), ("a", 50), ("b", 50)));
        var weights = await registry.CreateExperimentAsync(Spec(NewKey("exp"), ("a", 60), ("b", 50)));
        var removed = await registry.ReviseExperimentAsync(Spec(spec.Key, ("a", 50), ("c", 50)) with
        {
            Definition = Spec(spec.Key, ("a", 50), ("c", 50)).Definition with { Version = 2 },
        });

        Assert.True(duplicate.Conflict);
        Assert.Contains(duplicate.Errors, static e => e.Field == "key");
        Assert.Contains(weights.Errors, static e => e.Field == "variants" && e.Message.Contains("sum to 100", StringComparison.Ordinal));
        Assert.Contains(removed.Errors, static e => e.Field == "variants" && e.Message.Contains("'b'", StringComparison.Ordinal));
        Assert.Single((await registry.GetCatalogAsync()).Experiments[spec.Key]);
    }

    [Fact]
    public async Task AnExperimentDefinedOnOneSiloIsReadByAnotherAfterARestart()
    {
        var spec = await CreateAsync(Spec(NewKey("exp"), ("a", 30), ("b", 70)));

        await _cluster.RestartAsync();
        var catalog = await _cluster.GrainFactory.Registry().GetCatalogAsync();

        var stored = Assert.Single(catalog.Experiments[spec.Key]);
        Assert.Equal([("a", 30), ("b", 70)], stored.Definition.Variants.Select(static v => (v.Key, v.Weight)));
    }
}
