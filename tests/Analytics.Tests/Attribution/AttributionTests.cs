using Orleans.Personalization.Analytics.Attribution;
using static Orleans.Personalization.Analytics.Tests.TestData.Shop;

namespace Orleans.Personalization.Analytics.Tests.Attribution;

public sealed class AttributionTests
{
    private static readonly TrafficSource Google = new("google", "cpc", "spring");
    private static readonly TrafficSource Newsletter = new("newsletter", "email", "weekly");
    private static readonly TrafficSource Instagram = new(null, null, null, "https://www.instagram.com/p/123");

    /// <summary>Alice arrives from Google on day 0, the newsletter on day 3, Instagram on day 6, and buys for 100 on day 7.</summary>
    private static readonly AnalyticsEvent[] Journey =
    [
        Event("alice", PageViewed, Days(0), "s1") with { Source = Google },
        Event("alice", PageViewed, Days(3), "s2") with { Source = Newsletter },
        Event("alice", PageViewed, Days(6), "s3") with { Source = Instagram },
        Event("alice", Purchased, Days(7), "s4") with { Revenue = 100m },
    ];

    private static Dictionary<string, ChannelCredit> Credit(AttributionModel model, IReadOnlyList<AnalyticsEvent>? events = null, TimeSpan? lookback = null) =>
        AttributionCalculator.Attribute(events ?? Journey, new AttributionOptions { Model = model, Lookback = lookback ?? Days(30) })
            .Channels.ToDictionary(c => c.Channel);

    [Fact]
    public void FirstTouchCreditsTheFirstChannel()
    {
        var credit = Credit(AttributionModel.FirstTouch);

        Assert.Equal(new ChannelCredit("google / cpc", 1, 100m), Assert.Single(credit.Values));
    }

    [Fact]
    public void LastTouchCreditsTheLastChannelAndNamesReferrersByHost()
    {
        Assert.Equal(new ChannelCredit("www.instagram.com / referral", 1, 100m), Assert.Single(Credit(AttributionModel.LastTouch).Values));
    }

    [Fact]
    public void LinearSplitsCreditEqually()
    {
        var credit = Credit(AttributionModel.Linear);

        Assert.All(credit.Values, c => Assert.Equal(1.0 / 3, c.Conversions, 1e-12));
        Assert.All(credit.Values, c => Assert.Equal(100m / 3, c.Revenue, 10));
    }

    [Fact]
    public void PositionBasedGivesFortyTwentyForty()
    {
        var credit = Credit(AttributionModel.PositionBased);

        Assert.Equal(0.4, credit["google / cpc"].Conversions, 1e-12);
        Assert.Equal(0.2, credit["newsletter / email"].Conversions, 1e-12);
        Assert.Equal(0.4, credit["www.instagram.com / referral"].Conversions, 1e-12);
        Assert.Equal(20m, credit["newsletter / email"].Revenue, 10);
    }

    [Fact]
    public void PositionBasedSplitsTwoTouchesEvenly()
    {
        var credit = Credit(AttributionModel.PositionBased, [Journey[0], Journey[2], Journey[3]]);

        Assert.All(credit.Values, c => Assert.Equal(0.5, c.Conversions, 1e-12));
    }

    [Fact]
    public void TimeDecayHalvesCreditPerHalfLife()
    {
        // Half-life 7 days; the touches are 7, 4 and 1 days old at the purchase.
        // Raw weights 2^(−7/7) = 0.5, 2^(−4/7) = 0.672950, 2^(−1/7) = 0.905724; sum 2.078674.
        // Shares 0.240538, 0.323740, 0.435722.
        var credit = Credit(AttributionModel.TimeDecay);

        Assert.Equal(0.240538, credit["google / cpc"].Conversions, 1e-6);
        Assert.Equal(0.323740, credit["newsletter / email"].Conversions, 1e-6);
        Assert.Equal(0.435722, credit["www.instagram.com / referral"].Conversions, 1e-6);
    }

    [Fact]
    public void TimeDecayHalfLifeIsConfigurable()
    {
        // With a one-day half-life the 1-day-old touch weighs 2^6 = 64 times the 7-day-old one.
        var report = AttributionCalculator.Attribute(Journey, new AttributionOptions { Model = AttributionModel.TimeDecay, HalfLife = Days(1) });
        var credit = report.Channels.ToDictionary(c => c.Channel, c => c.Conversions);

        Assert.Equal(64, credit["www.instagram.com / referral"] / credit["google / cpc"], 1e-9);
    }

    [Fact]
    public void TouchesOlderThanTheLookbackAreIgnoredAndTheBoundaryCounts()
    {
        // A 4-day lookback reaches the newsletter touch exactly 4 days before the purchase, not Google's at 7.
        var credit = Credit(AttributionModel.FirstTouch, lookback: Days(4));

        Assert.Equal("newsletter / email", Assert.Single(credit.Keys));
    }

    [Fact]
    public void ConversionWithoutTouchesIsCreditedToDirect()
    {
        AnalyticsEvent[] events = [Event("bob", PageViewed, Min(0)), Event("bob", Purchased, Min(5)) with { Revenue = 30m }];

        Assert.Equal(new ChannelCredit(AttributionReport.Direct, 1, 30m), Assert.Single(Credit(AttributionModel.Linear, events).Values));
    }

    [Fact]
    public void CampaignRepeatedOnEveryPageOfAVisitIsOneTouch()
    {
        AnalyticsEvent[] events =
        [
            Event("alice", PageViewed, Min(0), "s1") with { Source = Google },
            Event("alice", PageViewed, Min(1), "s1") with { Source = Google },
            Event("alice", PageViewed, Min(2), "s1") with { Source = Google },
            Event("alice", PageViewed, Days(1), "s2") with { Source = Newsletter },
            Event("alice", Purchased, Days(1) + Min(5), "s2") with { Revenue = 10m },
        ];

        Assert.All(Credit(AttributionModel.Linear, events).Values, c => Assert.Equal(0.5, c.Conversions, 1e-12));
    }

    [Fact]
    public void TouchesOfAMergedAnonymousIdCount()
    {
        AnalyticsEvent[] events =
        [
            Event("anon-1", PageViewed, Min(0)) with { Source = Newsletter },
            Event("user-1", Purchased, Min(10)) with { Revenue = 50m },
        ];
        var identities = new IdentityGraph();
        identities.Merge("anon-1", "user-1");

        var report = AttributionCalculator.Attribute(events, new AttributionOptions { Model = AttributionModel.LastTouch }, identities);

        Assert.Equal("newsletter / email", Assert.Single(report.Channels).Channel);
    }

    [Theory]
    [InlineData(AttributionModel.FirstTouch)]
    [InlineData(AttributionModel.LastTouch)]
    [InlineData(AttributionModel.Linear)]
    [InlineData(AttributionModel.TimeDecay)]
    [InlineData(AttributionModel.PositionBased)]
    public void EveryModelCreditsExactlyTheConversionsAndRevenue(AttributionModel model)
    {
        var events = Journey.Concat(
        [
            Event("bob", PageViewed, Min(0)) with { Source = Google },
            Event("bob", Purchased, Min(5)) with { Revenue = 20m },
            Event("bob", Purchased, Days(40)) with { Revenue = 5m }, // Google's touch is out of the window by then
        ]).ToArray();

        var report = AttributionCalculator.Attribute(events, new AttributionOptions { Model = model });

        Assert.Equal(3, report.TotalConversions);
        Assert.Equal(125m, report.TotalRevenue);
        Assert.Equal(3, report.Channels.Sum(c => c.Conversions), 1e-9);
        Assert.Equal(125m, report.Channels.Sum(c => c.Revenue), 10);
        Assert.Equal(5m, report.Channels.Single(c => c.Channel == AttributionReport.Direct).Revenue);
    }

    [Fact]
    public void ChannelDimensionChoosesTheName()
    {
        var options = new AttributionOptions { Model = AttributionModel.FirstTouch, Dimension = ChannelDimension.SourceMediumCampaign };

        Assert.Equal("google / cpc / spring", AttributionCalculator.Attribute(Journey, options).Channels[0].Channel);
        Assert.Equal("spring", AttributionCalculator.Attribute(Journey, options with { Dimension = ChannelDimension.Campaign }).Channels[0].Channel);
        Assert.Equal("google", AttributionCalculator.Attribute(Journey, options with { Dimension = ChannelDimension.Source }).Channels[0].Channel);
    }

    [Fact]
    public void InvalidOptionsNameTheirFields()
    {
        var options = new AttributionOptions { Model = (AttributionModel)9, Lookback = TimeSpan.Zero, HalfLife = Days(-1) };

        Assert.Equal(["model", "lookback", "halfLife"], options.Validate().Select(e => e.Field));
        Assert.Equal("lookback", Assert.Single((new AttributionOptions { Lookback = Days(400) }).Validate()).Field);
        Assert.Throws<InvalidDefinitionException>(() => AttributionCalculator.Attribute(Journey, options));
    }
}
