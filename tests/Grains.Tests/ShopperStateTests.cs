using Orleans.Personalization.Grains.Interfaces.Messages;
using Orleans.Personalization.Grains.Profiles;
using Orleans.Personalization.Grains.State;
using static Orleans.Personalization.Grains.Tests.Message;

namespace Orleans.Personalization.Grains.Tests;

public sealed class ShopperStateTests
{
    [Fact]
    public void ViewedProductsAreRecentFirstAndDistinct()
    {
        var state = ShopperStateSpec.Given(
            Viewed("p1", at: T0), Viewed("p2", at: T0.AddMinutes(1)), Viewed("p1", at: T0.AddMinutes(2)));

        Assert.Equal(["p1", "p2"], state.RecentlyViewed.Items.Select(p => p.ProductId));
    }

    [Fact]
    public void RecentlyViewedKeepsTheLatestTwenty()
    {
        var state = ShopperStateSpec.Given(Enumerable.Range(0, 25).Select(i => Viewed($"p{i}", at: T0.AddSeconds(i))).ToArray());

        Assert.Equal(RecentProducts.MaxProducts, state.RecentlyViewed.Items.Count);
        Assert.Equal("p24", state.RecentlyViewed.Items[0].ProductId);
        Assert.Equal("p5", state.RecentlyViewed.Items[^1].ProductId);
    }

    [Fact]
    public void CategoryWeightHalvesEveryFourteenDays()
    {
        var state = ShopperStateSpec.Given(Viewed("p1", "shoes", at: T0));
        var profile = ProfileProjector.Project(state, T0.AddDays(14));

        Assert.Equal(0.5, Assert.Single(profile.PreferredCategories).Weight, 6);
    }

    [Fact]
    public void CartAddsCountThreeTimesAViewInCategoryInterest()
    {
        var state = ShopperStateSpec.Given(Viewed("p1", "shoes", at: T0), Viewed("p2", "hats", at: T0), Added("p3", at: T0));
        var profile = ProfileProjector.Project(state, T0);

        Assert.Equal(("shoes", 4.0), (profile.PreferredCategories[0].Category, profile.PreferredCategories[0].Weight));
        Assert.Equal(("hats", 1.0), (profile.PreferredCategories[1].Category, profile.PreferredCategories[1].Weight));
    }

    [Fact]
    public void CartTracksQuantitiesValueAndRemovals()
    {
        var state = ShopperStateSpec.Given(
            Added("p1", 2, 10m),
            Added("p2", 1, 25.5m),
            Added("p1", 1, 10m),
            Track("Product Removed", """{"product_id":"p1","quantity":2}"""),
            Added("p3", 1, 5m),
            Track("Product Removed", """{"product_id":"p3"}"""));
        var cart = ProfileProjector.Project(state, T0).Cart;

        Assert.Equal([("p1", 1), ("p2", 1)], cart.Items.Select(i => (i.ProductId, i.Quantity)));
        Assert.Equal(35.5m, cart.Value);
        Assert.Equal(2, cart.ItemCount);
    }

    [Fact]
    public void OrderEmptiesTheCartAndCountsRevenueOnce()
    {
        const string Order = """{"order_id":"o-1","revenue":80,"currency":"eur","products":[{"product_id":"p1","price":30,"quantity":1,"category":"shoes"},{"product_id":"p2","price":50,"quantity":1}]}""";
        var state = ShopperStateSpec.Given(
            Added("p1", 1, 30m, at: T0),
            Track("Order Completed", Order, at: T0.AddMinutes(5)),
            Track("Order Completed", Order, at: T0.AddMinutes(6)));
        var profile = ProfileProjector.Project(state, T0.AddMinutes(10));

        Assert.Empty(profile.Cart.Items);
        Assert.Equal((1, 80m, "EUR", 80m), (profile.Purchases.Orders, profile.Purchases.Revenue, profile.Purchases.Currency, profile.Purchases.AverageOrderValue));
        Assert.Equal((2, 30m, 50m, 40m), (profile.PriceBand.Bought!.Count, profile.PriceBand.Bought.Min, profile.PriceBand.Bought.Max, profile.PriceBand.Bought.Mean));
    }

    [Fact]
    public void OrderWithoutRevenueSumsItsProducts()
    {
        var state = ShopperStateSpec.Given(Track("Order Completed", """{"order_id":7,"products":[{"product_id":"a","price":12.5,"quantity":2},{"sku":"b","price":5}]}"""));

        Assert.Equal(30m, ProfileProjector.Project(state, T0).Purchases.Revenue);
        Assert.Equal("USD", ProfileProjector.Project(state, T0).Purchases.Currency);
    }

    [Fact]
    public void AnEventThirtyMinutesAfterTheLastIsTheSameSessionAndOneMillisecondMoreIsANewOne()
    {
        var same = ShopperStateSpec.Given(Page("home", T0), Page("shoes", T0.AddMinutes(30)));
        var next = ShopperStateSpec.Given(Page("home", T0), Page("shoes", T0.AddMinutes(30).AddMilliseconds(1)));

        Assert.Equal((1, 2, 2), (same.Sessions.Count, same.Sessions.Events, same.Sessions.PageViews));
        Assert.Equal((2, 1), (next.Sessions.Count, next.Sessions.Events));
    }

    [Fact]
    public void PriceBandTypicalIsTheMedianOfRecentViews()
    {
        var state = ShopperStateSpec.Given(Viewed("a", price: 10), Viewed("b", price: 100), Viewed("c", price: 30), Viewed("d", price: 40));
        var viewed = ProfileProjector.Project(state, T0).PriceBand.Viewed!;

        Assert.Equal((4, 10m, 100m, 45m, 35m), (viewed.Count, viewed.Min, viewed.Max, viewed.Mean, viewed.Typical));
    }

    [Fact]
    public void SearchesAndFiltersAreKeptLatestFirst()
    {
        var state = ShopperStateSpec.Given(
            Track("Products Searched", """{"query":" running shoes "}""", T0),
            Track("Product List Filtered", """{"category":"shoes","filters":[{"type":"color","value":"red"},{"type":"size","value":42}]}""", T0.AddMinutes(1)),
            Track("Products Searched", """{"query":"socks"}""", T0.AddMinutes(2)));
        var profile = ProfileProjector.Project(state, T0.AddMinutes(3));

        Assert.Equal(["socks", "running shoes"], profile.RecentSearches.Select(s => s.Query));
        Assert.Equal([("color", "red"), ("size", "42")], profile.RecentFilters.Select(f => (f.Type, f.Value)).Order());
    }

    [Fact]
    public void TraitsMergeKeyByKeyLatestWins()
    {
        var state = ShopperStateSpec.Given(
            Identify("u1", "anon-1", """{"email":"old@example.com","plan":"free"}"""),
            Identify("u1", "anon-1", """{"email":"new@example.com"}"""));

        Assert.Equal("""{"email":"new@example.com","plan":"free"}""", state.Traits);
    }

    [Fact]
    public void CampaignTouchesKeepFirstAndLatest()
    {
        var first = Page("landing", T0) with { Context = new MessageContext(new CampaignContext("google", "cpc", "spring", null, null), null, null, null, null) };
        var later = Page("landing", T0.AddDays(2)) with { Context = new MessageContext(new CampaignContext("newsletter", "email", "may", null, null), null, null, null, null) };
        var profile = ProfileProjector.Project(ShopperStateSpec.Given(later, first), T0.AddDays(3));

        Assert.Equal("google", profile.FirstTouch!.Source);
        Assert.Equal("newsletter", profile.LastTouch!.Source);
    }
}
