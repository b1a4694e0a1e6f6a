using Orleans.Personalization.Grains.Interfaces.Catalog;
using Orleans.Personalization.Grains.Interfaces.Profiles;
using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Grains.Recommendations.Ranking;

namespace Orleans.Personalization.Grains.Tests.Recommendations;

public sealed class ContentAffinityTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static readonly ContentAffinity Affinity = new(new ShopperContext
    {
        Known = true,
        Categories =
        [
            new CategoryPreference("Running", 4, Now),
            new CategoryPreference("Shoes > Boots", 2, Now),
            new CategoryPreference("socks", 1, Now),
        ],
        TypicalPrice = 50m,
    });

    [Theory]
    [InlineData(new[] { "Shoes", "Running" }, 1.0)] // a name matches at any level of the path
    [InlineData(new[] { "running" }, 1.0)] // names compare without case
    [InlineData(new[] { "Shoes", "Boots", "Winter" }, 0.5)] // a path matches the product's first levels
    [InlineData(new[] { "Outdoor", "Shoes", "Boots" }, 0.0)] // but only from the top
    [InlineData(new[] { "Shoes", "Socks" }, 0.25)]
    [InlineData(new[] { "Shoes", "Boots", "Running" }, 1.0)] // the strongest interest wins
    [InlineData(new string[0], 0.0)]
    public void InterestIsTheStrongestMatchingCategoryRelativeToTheFavourite(string[] path, double expected) =>
        Assert.Equal(expected, Affinity.Interest(new ProductInfo { ProductId = "p", CategoryPath = path }), 12);

    [Theory]
    [InlineData(50, 1.0)]
    [InlineData(100, 0.5)]
    [InlineData(25, 0.5)]
    [InlineData(200, 0.25)]
    public void PriceFitIsOneAtTheTypicalPriceAndHalvesAtDoubleOrHalf(decimal price, double expected) =>
        Assert.Equal(expected, Affinity.PriceFit(new ProductInfo { ProductId = "p", Price = price }), 12);

    [Fact]
    public void UnknownPriceOrShopperGivesNoFit()
    {
        Assert.Equal(0, Affinity.PriceFit(new ProductInfo { ProductId = "p" }));
        Assert.Equal(0, new ContentAffinity(ShopperContext.Unknown).PriceFit(new ProductInfo { ProductId = "p", Price = 10 }));
        Assert.Equal(0, new ContentAffinity(ShopperContext.Unknown).Interest(new ProductInfo { ProductId = "p", CategoryPath = ["Running"] }));
    }
}
