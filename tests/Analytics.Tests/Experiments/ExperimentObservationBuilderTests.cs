using Orleans.Personalization.Analytics.Experiments;
using static Orleans.Personalization.Analytics.Tests.TestData.Shop;

namespace Orleans.Personalization.Analytics.Tests.Experiments;

public sealed class ExperimentObservationBuilderTests
{
    private static AnalyticsEvent Exposure(string person, string variant, TimeSpan at, int version = 1) =>
        Event(person, "Experiment Viewed", at)
            .With("experiment_id", "checkout-button")
            .With("variation_id", variant)
            .With("experiment_version", version.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static AnalyticsEvent Order(string person, TimeSpan at, decimal revenue) => Event(person, Purchased, at) with { Revenue = revenue };

    [Fact]
    public void ConversionsCountFromTheFirstExposureOn()
    {
        AnalyticsEvent[] events =
        [
            Order("alice", Min(0), 99), // before she saw the experiment: not its doing
            Exposure("alice", "green", Min(5)), Order("alice", Min(10), 40), Order("alice", Min(20), 20),
            Exposure("bob", "control", Min(1)),
            Order("carol", Min(3), 10), // never exposed
        ];

        var shoppers = ExperimentObservationBuilder.FromEvents(events, "checkout-button").Shoppers;

        Assert.Equal(
            [new ExperimentObservation("alice", "green", 1, 2, 60), new ExperimentObservation("bob", "control", 1, 0, 0)],
            shoppers);
    }

    [Fact]
    public void MergedIdsCountAsOneShopperInTheirFirstVariant()
    {
        var identities = new IdentityGraph();
        identities.Merge("phone", "customer");
        AnalyticsEvent[] events =
        [
            Exposure("phone", "green", Min(0), version: 2), Exposure("customer", "control", Min(30)), Order("customer", Min(40), 25),
            Exposure("other-experiment-viewer", "green", Min(1)).With("experiment_id", "hero-banner"),
        ];

        var observations = ExperimentObservationBuilder.FromEvents(events, "checkout-button", identities: identities);

        Assert.Equal(new ExperimentObservation("customer", "green", 2, 1, 25), Assert.Single(observations.Shoppers));
        Assert.Equal(1, observations.CrossoverShoppers);
    }

    [Fact]
    public void ConversionWindowLimitsWhichOrdersCount()
    {
        AnalyticsEvent[] events = [Exposure("alice", "green", Days(0)), Order("alice", Days(7), 10), Order("alice", Days(7.5), 10)];

        var shopper = Assert.Single(ExperimentObservationBuilder.FromEvents(events, "checkout-button", new ExposureEventOptions { ConversionWindow = Days(7) }).Shoppers);

        Assert.Equal(1, shopper.Orders);
    }
}
