using Orleans.Personalization.Grains.Interfaces.Triggers;
using Orleans.Personalization.Grains.State;
using Orleans.Personalization.Grains.Triggers;

namespace Orleans.Personalization.Grains.Tests.Triggers;

public sealed class TriggerRulesTests
{
    private const long Minute = 60_000;

    [Fact]
    public void IntentSumHalvesEveryThirtyMinutesAndMapsOntoZeroToHundred()
    {
        var intent = new IntentScore();
        intent.Add(10, 0);

        Assert.Equal(63.2, intent.ScoreAt(0));
        Assert.Equal(5, intent.SumAt(30 * Minute), 10);
        Assert.Equal(39.3, intent.ScoreAt(30 * Minute));
    }

    [Fact]
    public void LateActionCountsAsMuchAsItStillWouldNow()
    {
        var intent = new IntentScore();
        intent.Add(4, 60 * Minute);

        intent.Add(8, 30 * Minute);

        Assert.Equal(8, intent.Sum, 10);
        Assert.Equal(60 * Minute, intent.At);
    }

    [Fact]
    public void PurchaseStartsTheIntentAgain()
    {
        var intent = new IntentScore();
        intent.Add(20, 0);

        intent.Reset(Minute);

        Assert.Equal(0, intent.ScoreAt(Minute));
    }

    [Fact]
    public void TriggerIdsAreStableAndDifferByCause()
    {
        var id = TriggerIds.Create("u:alice", TriggerTypes.CartAbandonment, "3");

        Assert.Equal(id, TriggerIds.Create("u:alice", TriggerTypes.CartAbandonment, "3"));
        Assert.NotEqual(id, TriggerIds.Create("u:alice", TriggerTypes.CartAbandonment, "4"));
        Assert.NotEqual(id, TriggerIds.Create("u:bob", TriggerTypes.CartAbandonment, "3"));
        Assert.Matches("^trg_[0-9a-f]{32}$", id);
    }

    [Fact]
    public void HoldoutTakesAboutTheConfiguredShareOfShoppersAlwaysTheSameOnes()
    {
        var shoppers = Enumerable.Range(0, 20_000).Select(i => $"u:shopper-{i}").ToArray();

        var held = shoppers.Count(s => Holdout.Contains(s, 10));

        Assert.InRange(held, 1_800, 2_200);
        Assert.All(shoppers.Take(500), s => Assert.Equal(Holdout.Contains(s, 10), Holdout.Contains(s, 10)));
        Assert.All(shoppers.Where(s => Holdout.Contains(s, 5)), s => Assert.True(Holdout.Contains(s, 10)));
        Assert.DoesNotContain(shoppers, s => Holdout.Contains(s, 0));
        Assert.All(shoppers.Take(100), s => Assert.True(Holdout.Contains(s, 100)));
    }

    [Fact]
    public void DefaultSettingsAreValidAndEachBadValueIsNamed()
    {
        var bad = new TriggerSettings
        {
            HoldoutPercent = -1,
            CartAbandonment = new CartAbandonmentSettings { Delay = TimeSpan.FromMinutes(-5) },
            BrowseAbandonment = new BrowseAbandonmentSettings { Window = TimeSpan.Zero, MinViews = 0 },
            HighIntent = new HighIntentSettings { Threshold = 150 },
            LapsingCustomer = new LapsingCustomerSettings { InactiveDays = 0 },
        };

        Assert.Empty(TriggerSettingsValidator.Validate(new TriggerSettings()));
        Assert.Equal(
            ["holdoutPercent", "cartAbandonment.delay", "browseAbandonment.minViews", "browseAbandonment.window", "highIntent.threshold", "lapsingCustomer.inactiveDays"],
            TriggerSettingsValidator.Validate(bad).Select(e => e.Field));
    }
}
