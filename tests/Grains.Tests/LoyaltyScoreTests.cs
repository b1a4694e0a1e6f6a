using Orleans.Personalization.Grains.Profiles;
using Orleans.Personalization.Grains.State;

namespace Orleans.Personalization.Grains.Tests;

public sealed class LoyaltyScoreTests
{
    [Fact]
    public void NoOrdersScoresZero() =>
        Assert.Equal(0, LoyaltyScore.Compute(new PurchaseHistory(), DateTimeOffset.UnixEpoch).Score);

    [Fact]
    public void TwoOrdersWorthThreeHundredThirtyDaysAgoScoreFiftyFour()
    {
        // R = 100·2^(−30/30) = 50; F = 100·(1 − e^(−2/3)) = 48.66; M = 100·(1 − e^(−300/300)) = 63.21;
        // 0.4·50 + 0.3·48.66 + 0.3·63.21 = 53.56 → 54.
        var purchases = new PurchaseHistory();
        var lastOrder = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        purchases.Add("o1", 100, "USD", lastOrder.AddDays(-10).ToUnixTimeMilliseconds());
        purchases.Add("o2", 200, "USD", lastOrder.ToUnixTimeMilliseconds());

        var loyalty = LoyaltyScore.Compute(purchases, lastOrder.AddDays(30));

        Assert.Equal((54, 50.0, 48.66, 63.21), (loyalty.Score, loyalty.Recency, loyalty.Frequency, loyalty.Monetary));
    }

    [Fact]
    public void LoyaltyFallsAsTheLastOrderAges()
    {
        var purchases = new PurchaseHistory();
        purchases.Add("o1", 100, "USD", 0);

        var fresh = LoyaltyScore.Compute(purchases, DateTimeOffset.FromUnixTimeMilliseconds(0)).Score;
        var stale = LoyaltyScore.Compute(purchases, DateTimeOffset.FromUnixTimeMilliseconds(0).AddDays(365)).Score;

        Assert.True(fresh > stale, $"{fresh} should exceed {stale}");
    }
}
