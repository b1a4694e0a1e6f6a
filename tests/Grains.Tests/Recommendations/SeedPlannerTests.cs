using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Grains.Recommendations;
using Orleans.Personalization.Grains.Recommendations.Ranking;

namespace Orleans.Personalization.Grains.Tests.Recommendations;

public sealed class SeedPlannerTests
{
    private static readonly RecommendationOptions Defaults = new();

    private static readonly ShopperContext Shopper = new()
    {
        Known = true,
        SessionViews = ["s1", "s2", "s3"],
        EarlierViews = ["e1"],
        Cart = ["c1"],
        Bought = ["b1"],
    };

    [Fact]
    public void HomeSeedsAreTheSessionsViewsLatestFirstThenTheCart()
    {
        var plan = SeedPlanner.Plan(new RecommendationQuery { Placement = Placement.Home }, Shopper, Defaults.Home);

        Assert.Equal([("s3", 1.0), ("s2", 0.8), ("s1", 0.6), ("c1", 0.5)], plan.Seeds.Select(s => (s.ProductId, s.Weight)));
        Assert.Equal(["s1", "s2", "s3"], plan.Session);
    }

    [Fact]
    public void WithoutASessionHomeFallsBackToEarlierViewsAtLowerWeight()
    {
        var plan = SeedPlanner.Plan(new RecommendationQuery { Placement = Placement.Home }, Shopper with { SessionViews = [] }, Defaults.Home);

        Assert.Equal([("e1", 0.6), ("c1", 0.5)], plan.Seeds.Select(s => (s.ProductId, s.Weight)));
    }

    [Fact]
    public void TheProductPageSeedsWithTheProductAndEndsTheSessionWithIt()
    {
        var plan = SeedPlanner.Plan(new RecommendationQuery { Placement = Placement.ProductPage, ProductId = "s2" }, Shopper, Defaults.ProductPage);

        Assert.Equal([("s2", SeedOrigin.OnScreen)], plan.Seeds.Select(s => (s.ProductId, s.Origin)));
        Assert.Equal(["s1", "s3", "s2"], plan.Session);
        Assert.Contains("s2", plan.Excluded);
    }

    [Fact]
    public void TheCartPlacementSeedsWithTheRequestsAndTheProfilesCartAndExcludesThem()
    {
        var plan = SeedPlanner.Plan(new RecommendationQuery { Placement = Placement.Cart, Cart = ["c2"] }, Shopper, Defaults.Cart);

        Assert.Equal(["c2", "c1"], plan.Seeds.Select(s => s.ProductId));
        Assert.Superset(new HashSet<string> { "c1", "c2", "b1", "s1", "s2", "s3" }, plan.Excluded.ToHashSet());
    }

    [Fact]
    public void OrderConfirmationSeedsWithTheLatestPurchasesWhenTheRequestNamesNone()
    {
        var plan = SeedPlanner.Plan(new RecommendationQuery { Placement = Placement.OrderConfirmation }, Shopper, Defaults.OrderConfirmation);

        Assert.Equal([("b1", SeedOrigin.Bought)], plan.Seeds.Select(s => (s.ProductId, s.Origin)));
    }

    [Fact]
    public void PurchasesAreExcludedUnlessTheRequestAsksForThem()
    {
        Assert.Contains("b1", SeedPlanner.Plan(new RecommendationQuery { Placement = Placement.Home }, Shopper, Defaults.Home).Excluded);
        Assert.DoesNotContain("b1", SeedPlanner.Plan(new RecommendationQuery { Placement = Placement.Home, IncludePurchased = true }, Shopper, Defaults.Home).Excluded);
    }

    [Fact]
    public void AnUnknownShopperHasNoSeedsOnHome()
    {
        var plan = SeedPlanner.Plan(new RecommendationQuery { Placement = Placement.Home, Exclude = ["x"] }, ShopperContext.Unknown, Defaults.Home);

        Assert.Empty(plan.Seeds);
        Assert.Empty(plan.Fetch);
        Assert.Equal(["x"], plan.Excluded);
    }
}
