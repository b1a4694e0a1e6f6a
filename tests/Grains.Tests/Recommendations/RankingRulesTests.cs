using System.Text.Json;
using Orleans.Personalization.Grains.Interfaces.Catalog;
using Orleans.Personalization.Grains.Interfaces.Profiles;
using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Grains.Recommendations.Ranking;

namespace Orleans.Personalization.Grains.Tests.Recommendations;

public sealed class RankingRulesTests
{
    private readonly Dictionary<string, ProductInfo> _catalog = new()
    {
        ["boot"] = Product("boot", 120, "Shoes", "Boots"),
        ["runner"] = Product("runner", 90, "Shoes", "Running"),
        ["trail"] = Product("trail", 110, "Shoes", "Running"),
        ["spike"] = Product("spike", 130, "Shoes", "Running"),
        ["sock"] = Product("sock", 10, "Socks"),
        ["sold-out"] = Product("sold-out", 50, "Socks") with { InStock = false },
        ["gift"] = Product("gift", 25, "Gifts"),
    };

    [Fact]
    public void ExcludedProductsAreNeverRecommended()
    {
        var chosen = Rules(excluded: ["runner"]).Select(Candidates("runner", "sock"), Info, 10);

        Assert.Equal(["sock"], Ids(chosen));
    }

    [Fact]
    public void ProductsKnownToBeOutOfStockAreLeftOutUnlessStockDoesNotMatter()
    {
        Assert.Equal(["sock"], Ids(Rules().Select(Candidates("sold-out", "sock"), Info, 10)));
        Assert.Equal(["sold-out", "sock"], Ids(Rules(new RecommendationQuery { Placement = Placement.Home, InStock = false }).Select(Candidates("sold-out", "sock"), Info, 10)));
    }

    [Fact]
    public void InStockTrueKeepsOnlyProductsTheCatalogMarksInStock()
    {
        var query = new RecommendationQuery { Placement = Placement.Home, InStock = true };

        Assert.Equal(["sock"], Ids(Rules(query).Select(Candidates("unknown", "sock"), Info, 10)));
    }

    [Fact]
    public void TheCategoryFilterMatchesAnyLevelOfThePathByNameOrAsAPath()
    {
        var byName = Rules(new RecommendationQuery { Placement = Placement.Home, Category = "running" });
        var byPath = Rules(new RecommendationQuery { Placement = Placement.Home, Category = "Shoes > Boots" });

        Assert.Equal(["runner", "trail"], Ids(byName.Select(Candidates("boot", "runner", "sock", "trail"), Info, 10)));
        Assert.Equal(["boot"], Ids(byPath.Select(Candidates("boot", "runner", "sock"), Info, 10)));
    }

    [Fact]
    public void ThePriceRangeIsInclusiveAndLeavesOutUnknownPrices()
    {
        var rules = Rules(new RecommendationQuery { Placement = Placement.Home, MinPrice = 90, MaxPrice = 110 });

        Assert.Equal(["runner", "trail"], Ids(rules.Select(Candidates("boot", "runner", "trail", "unknown"), Info, 10)));
    }

    [Fact]
    public void AtMostMaxPerCategoryProductsOfOneCategoryAreKept()
    {
        var options = CandidatePoolTests.Weights();
        options.MaxPerCategory = 2;

        var chosen = Rules(options: options).Select(Candidates("runner", "trail", "spike", "boot", "sock"), Info, 4);

        Assert.Equal(["runner", "trail", "boot", "sock"], Ids(chosen));
    }

    [Fact]
    public void APinGoesToItsPositionEvenOverTheCategoryLimitButNotPastExclusions()
    {
        var options = CandidatePoolTests.Weights();
        options.MaxPerCategory = 1;
        options.Pins = [new PinRule { ProductId = "trail", Position = 1 }, new PinRule { ProductId = "boot", Position = 2 }];

        var chosen = Rules(options: options, excluded: ["boot"]).Select(Candidates("runner", "spike", "sock"), Info, 3);

        Assert.Equal(["trail", "runner", "sock"], Ids(chosen));
        Assert.Equal(RecommendationStrategy.Pinned, chosen[0].Strategy);
    }

    [Fact]
    public void BoostsMultiplyTheScoreOfMatchingProducts()
    {
        var options = CandidatePoolTests.Weights();
        options.Boosts =
        [
            new BoostRule { Category = "Socks", Factor = 3 },
            new BoostRule { Attribute = "brand", Value = "acme", Factor = 0.5 },
        ];

        var chosen = Rules(options: options).Select([new BlendedCandidate("runner", 1.0, RecommendationStrategy.CoView, null), new BlendedCandidate("sock", 0.5, RecommendationStrategy.CoView, null)], Info, 10);

        // sock: 0.5 · 3 = 1.5; runner: 1 · 0.5 (brand acme) = 0.5.
        Assert.Equal([("sock", 1.5), ("runner", 0.5)], chosen.Select(c => (c.ProductId, c.Score)));
    }

    [Fact]
    public void ContentAffinityFavoursTheShoppersCategoriesAndPrices()
    {
        var options = CandidatePoolTests.Weights();
        options.CategoryAffinityBoost = 0.5;
        options.PriceFitBoost = 1;
        var context = new ShopperContext
        {
            Categories = [new CategoryPreference("Running", 4, DateTimeOffset.UnixEpoch), new CategoryPreference("Socks", 2, DateTimeOffset.UnixEpoch)],
            TypicalPrice = 45,
        };

        var chosen = new RankingRules(new RecommendationQuery { Placement = Placement.Home }, options, new HashSet<string>(), new ContentAffinity(context))
            .Select([new BlendedCandidate("runner", 1.0, RecommendationStrategy.Trending, null), new BlendedCandidate("sock", 1.0, RecommendationStrategy.Trending, null)], Info, 10);

        // runner: interest 1 → ×1.5; price 90 = twice 45 → fit 0.5 → ×1.5: 2.25. sock: interest 0.5 → ×1.25; 10/45 → fit 2/9 → ×11/9.
        Assert.Equal(2.25, chosen[0].Score, 12);
        Assert.Equal(1.25 * 11 / 9, chosen[1].Score, 12);
    }

    [Fact]
    public void OnSearchProductsMatchingTheQueryAreBoostedAndSaySo()
    {
        var options = CandidatePoolTests.Weights();
        options.SearchBoost = 1;
        var rules = new RankingRules(new RecommendationQuery { Placement = Placement.Search, Query = "trail shoes" }, options, new HashSet<string>(), new ContentAffinity(ShopperContext.Unknown));

        var chosen = rules.Select([new BlendedCandidate("sock", 1.0, RecommendationStrategy.Trending, null), new BlendedCandidate("trail", 0.6, RecommendationStrategy.Trending, null)], Info, 10);

        // trail matches both words: 0.6 · 2 = 1.2.
        Assert.Equal([("trail", 1.2, RecommendationStrategy.Search), ("sock", 1.0, RecommendationStrategy.Trending)], chosen.Select(c => (c.ProductId, Math.Round(c.Score, 12), c.Strategy)));
        Assert.Equal("trail shoes", chosen[0].Via);
    }

    private RankingRules Rules(RecommendationQuery? query = null, PlacementOptions? options = null, IEnumerable<string>? excluded = null) =>
        new(query ?? new RecommendationQuery { Placement = Placement.Home }, options ?? CandidatePoolTests.Weights(), new HashSet<string>(excluded ?? []), new ContentAffinity(ShopperContext.Unknown));

    private ProductInfo? Info(string productId) => _catalog.GetValueOrDefault(productId);

    private static List<BlendedCandidate> Candidates(params string[] ids) =>
        ids.Select((id, i) => new BlendedCandidate(id, 1.0 - (i * 0.01), RecommendationStrategy.CoView, null)).ToList();

    private static string[] Ids(IEnumerable<RankedItem> items) => items.Select(i => i.ProductId).ToArray();

    private static ProductInfo Product(string id, decimal price, params string[] path) => new()
    {
        ProductId = id,
        Title = $"The {id}",
        CategoryPath = path,
        Price = price,
        Currency = "EUR",
        InStock = true,
        InCatalog = true,
        Attributes = id == "runner" ? new Dictionary<string, JsonElement> { ["brand"] = JsonDocument.Parse("\"ACME\"").RootElement } : new Dictionary<string, JsonElement>(),
    };
}
