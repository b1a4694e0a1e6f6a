using Orleans.Personalization.Grains.Events;
using Orleans.Personalization.Grains.Interfaces;
using Orleans.Personalization.Grains.Interfaces.Messages;
using Orleans.Personalization.Grains.State;
using Orleans.Personalization.Runtime.EventSourcing;
using Orleans.Personalization.Runtime.Serialization;
using Orleans.Personalization.TestKit;
using static Orleans.Personalization.Grains.Tests.Message;

namespace Orleans.Personalization.Grains.Tests;

public sealed class UserGrainTests : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = new InProcessTestCluster(services => services.AddPersonalizationGrains());
        await _cluster.StartAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private IUserGrain Shopper(string key) => _cluster.GrainFactory.GetGrain<IUserGrain>(key);

    private static string NewId() => Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task TrackedEventsShowInTheProfile()
    {
        var anon = NewId();
        var result = await Shopper(ShopperKey.ForAnonymous(anon)).TrackAsync(
            [Viewed("p1", anonymousId: anon), Added("p1", 2, 20m, anonymousId: anon)]);
        var profile = await Shopper(ShopperKey.ForAnonymous(anon)).GetProfileAsync();

        Assert.Equal(new TrackResult(2, 0), result);
        Assert.Equal(2, profile!.EventCount);
        Assert.Equal(40m, profile.Cart.Value);
        Assert.Equal([anon], profile.AnonymousIds);
    }

    [Fact]
    public async Task UnknownShopperHasNoProfile() =>
        Assert.Null(await Shopper(ShopperKey.ForUser(NewId())).GetProfileAsync());

    [Fact]
    public async Task RetriedBatchChangesNothing()
    {
        var key = ShopperKey.ForAnonymous(NewId());
        TrackedMessage[] batch = [Viewed("p1"), Added("p1"), Track("Order Completed", """{"order_id":"o1","revenue":9}""")];
        await Shopper(key).TrackAsync(batch);
        var before = await Shopper(key).GetProfileAsync();

        var retry = await Shopper(key).TrackAsync(batch);
        var journal = await _cluster.Journal.ReadStreamAsync($"user/{key}", 0);

        Assert.Equal(new TrackResult(0, 3), retry);
        Assert.Equal(3, journal.Count);
        Assert.Equal(before!.EventCount, (await Shopper(key).GetProfileAsync())!.EventCount);
        Assert.Equal(1, (await Shopper(key).GetProfileAsync())!.Purchases.Orders);
    }

    [Fact]
    public async Task DuplicateInsideOneBatchIsAbsorbedOnce()
    {
        var key = ShopperKey.ForAnonymous(NewId());
        var view = Viewed("p1");

        var result = await Shopper(key).TrackAsync([view, view]);

        Assert.Equal(new TrackResult(1, 1), result);
    }

    [Fact]
    public async Task RetryIsDroppedAfterTheGrainWasCollectedAndTheSiloRestarted()
    {
        var key = ShopperKey.ForAnonymous(NewId());
        var view = Viewed("p1");
        await Shopper(key).TrackAsync([view]);

        await _cluster.CrashAndRestartAsync();

        Assert.Equal(new TrackResult(0, 1), await Shopper(key).TrackAsync([view]));
    }

    [Fact]
    public async Task IdentifyMergesTheAnonymousHistoryIntoTheUser()
    {
        var anon = NewId();
        var user = NewId();
        await Shopper(ShopperKey.ForAnonymous(anon)).TrackAsync(
            [Viewed("p1", "boots", at: T0, anonymousId: anon), Added("p2", 1, 30m, at: T0.AddMinutes(1), anonymousId: anon)]);

        await Shopper(ShopperKey.ForUser(user)).TrackAsync([Identify(user, anon, at: T0.AddMinutes(2))]);

        var profile = (await Shopper(ShopperKey.ForUser(user)).GetProfileAsync())!;
        Assert.Equal(user, profile.UserId);
        Assert.Equal(["p1"], profile.RecentlyViewed.Select(p => p.ProductId));
        Assert.Equal(30m, profile.Cart.Value);
        Assert.Equal(3, profile.EventCount);
        Assert.Equal(1, profile.Sessions.Count);
        Assert.Contains(anon, profile.AnonymousIds);
        Assert.Equal(user, (await Shopper(ShopperKey.ForAnonymous(anon)).GetProfileAsync())!.MergedIntoUserId);

        var journal = await _cluster.Journal.ReadStreamAsync($"user/{ShopperKey.ForUser(user)}", 0);
        Assert.Equal(["anonymous-history-merged", "identified"], journal.Select(r => r.EventType));
    }

    [Fact]
    public async Task AnonymousMessagesAfterTheMergeAreRedirectedToTheUser()
    {
        var anon = NewId();
        var user = NewId();
        await Shopper(ShopperKey.ForAnonymous(anon)).TrackAsync([Viewed("p1", anonymousId: anon)]);
        await Shopper(ShopperKey.ForUser(user)).TrackAsync([Identify(user, anon)]);

        var result = await Shopper(ShopperKey.ForAnonymous(anon)).TrackAsync([Viewed("p9", anonymousId: anon)]);

        Assert.Equal(new TrackResult(0, 0, ShopperKey.ForUser(user)), result);
    }

    [Fact]
    public async Task RetriedIdentifyDoesNotMergeTwice()
    {
        var anon = NewId();
        var user = NewId();
        await Shopper(ShopperKey.ForAnonymous(anon)).TrackAsync([Added("p1", 1, 10m, anonymousId: anon)]);
        var identify = Identify(user, anon);
        await Shopper(ShopperKey.ForUser(user)).TrackAsync([identify]);

        await Shopper(ShopperKey.ForUser(user)).TrackAsync([identify, Track("Page Scrolled", userId: user, anonymousId: anon)]);

        var profile = (await Shopper(ShopperKey.ForUser(user)).GetProfileAsync())!;
        Assert.Equal(10m, profile.Cart.Value);
        Assert.Equal(3, profile.EventCount);
    }

    [Fact]
    public async Task AnonymousIdAlreadyMergedIntoAnotherUserIsNotMergedAgain()
    {
        var anon = NewId();
        await Shopper(ShopperKey.ForAnonymous(anon)).TrackAsync([Added("p1", 1, 10m, anonymousId: anon)]);
        var first = NewId();
        var second = NewId();
        await Shopper(ShopperKey.ForUser(first)).TrackAsync([Identify(first, anon)]);

        await Shopper(ShopperKey.ForUser(second)).TrackAsync([Identify(second, anon)]);

        Assert.Equal(10m, (await Shopper(ShopperKey.ForUser(first)).GetProfileAsync())!.Cart.Value);
        Assert.Equal(0m, (await Shopper(ShopperKey.ForUser(second)).GetProfileAsync())!.Cart.Value);
    }

    [Fact]
    public async Task UserProfileEqualsAReplayOfItsJournalAfterMergesAndRestarts()
    {
        var user = NewId();
        var random = new Random(7);
        for (var round = 0; round < 4; round++)
        {
            var anon = NewId();
            var start = T0.AddHours(round * 5);
            await Shopper(ShopperKey.ForAnonymous(anon)).TrackAsync(Enumerable.Range(0, 12)
                .Select(i => random.Next(3) switch
                {
                    0 => Viewed($"p{random.Next(30)}", $"c{random.Next(4)}", random.Next(5, 200), start.AddMinutes(i), anonymousId: anon),
                    1 => Added($"p{random.Next(30)}", random.Next(1, 3), random.Next(5, 200), start.AddMinutes(i), anonymousId: anon),
                    _ => Track("Products Searched", $$"""{"query":"q{{random.Next(9)}}"}""", start.AddMinutes(i), anonymousId: anon),
                }).ToArray());
            await Shopper(ShopperKey.ForUser(user)).TrackAsync([Identify(user, anon, at: start.AddMinutes(20))]);
            await Shopper(ShopperKey.ForUser(user)).TrackAsync(
                [Track("Order Completed", $$"""{"order_id":"o{{round}}","revenue":{{10 * (round + 1)}}}""", start.AddMinutes(25), user, anon)]);
            if (round == 1)
            {
                await _cluster.CrashAndRestartAsync();
            }
        }

        var live = await Shopper(ShopperKey.ForUser(user)).GetStateJsonAsync();
        var (replayed, _) = await JournalReplay.ReplayAsync<ShopperState, ShopperEvent>(
            _cluster.Journal, $"user/{ShopperKey.ForUser(user)}", ShopperJsonContext.Default.ShopperEvent);

        Assert.Equal(live, CanonicalJson.Normalize(System.Text.Json.JsonSerializer.Serialize(replayed, ShopperJsonContext.Default.ShopperState)));
        Assert.Equal(4, (await Shopper(ShopperKey.ForUser(user)).GetProfileAsync())!.Purchases.Orders);
    }
}
