using Orleans.Personalization.Grains.Catalog.Events;
using Orleans.Personalization.Grains.Catalog.State;
using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Grains.Recommendations;

namespace Orleans.Personalization.Grains.Tests.Recommendations;

public sealed class ProductStateTests
{
    private static readonly long T0 = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private static readonly long Day = (long)TimeSpan.FromDays(1).TotalMilliseconds;

    [Fact]
    public void ABasketFifteenDaysLaterWeighsTheSquareRootOfTwoMoreWithAThirtyDayHalfLife()
    {
        var state = new ProductState();

        Apply(state, new CoOccurrenceContribution(0, 1, ContributionKind.View, T0, ["b"]));
        Apply(state, new CoOccurrenceContribution(0, 2, ContributionKind.View, T0 + (15 * Day), ["c"]));

        // Relative to the first event: 1 + 2^(15/30).
        Assert.Equal(1 + Math.Sqrt(2), state.Counters.ViewBaskets, 12);
        Assert.Equal([1.0, Math.Round(Math.Sqrt(2), 12)], state.CoView.Entries.Select(e => Math.Round(e.Pair, 12)));
        Assert.Equal(2, state.Counters.Views);
    }

    [Fact]
    public void ActivityWeighsViewsOneAddsThreeAndPurchasesFive()
    {
        var state = new ProductState();

        Apply(state,
            new CoOccurrenceContribution(0, 1, ContributionKind.View, T0, []),
            new CoOccurrenceContribution(0, 2, ContributionKind.RepeatCart, T0, []),
            new CoOccurrenceContribution(0, 3, ContributionKind.Purchase, T0, ["x"]));

        Assert.Equal(9, state.Counters.Popular, 12);
        Assert.Equal(9, state.Counters.Trending, 12);
        Assert.Equal((1L, 1L, 1L), (state.Counters.Views, state.Counters.CartAdds, state.Counters.Purchases));
        Assert.Equal(1, state.Counters.PurchaseBaskets, 12);
        Assert.Equal(0, state.Counters.CartBaskets, 12);
    }

    [Fact]
    public void PartnerCountsReportedAtAnotherTimeAreBroughtToTheProductsReference()
    {
        var state = new ProductState();
        var applied = new CoOccurrenceApplied
        {
            Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(T0),
            Contributions = [new CoOccurrenceContribution(0, 1, ContributionKind.View, T0, ["b"])],
            Partners = [new PartnerCounts("b", ViewBaskets: 4, CartBaskets: 0, PurchaseBaskets: 0, AtMs: T0 + (30 * Day))],
        };

        state.Apply(applied);

        // 4 valued thirty days after the reference is 8 at the reference.
        Assert.Equal(8, state.CoView.Entries[0].Partner, 12);
    }

    [Fact]
    public void WatermarksRememberTheLatestPositionAppliedPerPartition()
    {
        var state = new ProductState();

        Apply(state, new CoOccurrenceContribution(3, 40, ContributionKind.View, T0, []), new CoOccurrenceContribution(5, 7, ContributionKind.RepeatView, T0, []));

        Assert.True(state.HasApplied(new CoOccurrenceContribution(3, 40, ContributionKind.View, T0, [])));
        Assert.True(state.HasApplied(new CoOccurrenceContribution(3, 12, ContributionKind.View, T0, [])));
        Assert.False(state.HasApplied(new CoOccurrenceContribution(3, 41, ContributionKind.View, T0, [])));
        Assert.False(state.HasApplied(new CoOccurrenceContribution(4, 1, ContributionKind.View, T0, [])));
    }

    [Fact]
    public void MovingTheReferenceKeepsEverySimilarity()
    {
        var state = new ProductState();
        Apply(state, new CoOccurrenceContribution(0, 1, ContributionKind.View, T0, ["b"]));
        var before = state.CoView.Top(state.Counters.ViewBaskets, 5).Single().Score;
        var far = T0 + (long)((HalfLives.MaxExponent + 1) * HalfLives.TrendingMs);

        Apply(state, new CoOccurrenceContribution(0, 2, ContributionKind.RepeatView, far, []));

        Assert.Equal(far, state.Counters.ReferenceMs);
        Assert.Equal(before, state.CoView.Top(state.Counters.ViewBaskets, 5).Single().Score, 12);
        Assert.Equal(1, state.Counters.Trending, 9);
    }

    [Fact]
    public void FactsFromEventsFillTheProductUntilTheCatalogSpeaks()
    {
        var state = new ProductState();
        Apply(state, new CoOccurrenceContribution(0, 1, ContributionKind.View, T0, [], Facts: new ProductFacts("Boot", "Shoes", 80)));
        Apply(state, new CoOccurrenceContribution(0, 2, ContributionKind.View, T0 - Day, [], Facts: new ProductFacts("Old name", "Boots", 70)));

        Assert.Equal(("Boot", "Shoes", 80m), (state.Learned!.Name, state.Learned.Category, state.Learned.Price));
    }

    [Fact]
    public void RecentSessionsKeepTheLatestPictureOfEachSessionAndDropTheOldest()
    {
        var sessions = new RecentSessions();
        for (var i = 0; i < RecentSessions.MaxSessions + 1; i++)
        {
            sessions.Upsert(i, T0 + i, ["a", $"x{i}"]);
        }

        sessions.Upsert(5, T0 + 100, ["a", "x5", "y"]);

        Assert.Equal(RecentSessions.MaxSessions, sessions.Items.Count);
        Assert.DoesNotContain(sessions.Items, s => s.Key == 0);
        Assert.Equal(["a", "x5", "y"], sessions.Items.Single(s => s.Key == 5).Items);
    }

    private static void Apply(ProductState state, params CoOccurrenceContribution[] contributions) =>
        state.Apply(new CoOccurrenceApplied { Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(T0), Contributions = contributions });
}
