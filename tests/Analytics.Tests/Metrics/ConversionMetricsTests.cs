using Orleans.Personalization.Analytics.Metrics;
using static Orleans.Personalization.Analytics.Tests.TestData.Shop;

namespace Orleans.Personalization.Analytics.Tests.Metrics;

public sealed class ConversionMetricsTests
{
    private const string PageLeft = "Page Left";
    private const string RecommendationViewed = "Recommendation Viewed";
    private const string RecommendationClicked = "Recommendation Clicked";

    private static TimeSpan Sec(double seconds) => TimeSpan.FromSeconds(seconds);

    private static AnalyticsEvent Rec(string person, string name, TimeSpan at, string session, string placement, string strategy) =>
        Event(person, name, at, session).With("placement", placement).With("strategy", strategy);

    /// <summary>
    /// Four shoppers, six sessions:
    /// alice a1: page, view, add, order 120 (mobile, from Google); a2 two days later: one page view, nothing else (bounce).
    /// bob b1: page, left after 5 s (bounce); b2: page, left after 15 s (not a bounce: too long). Desktop.
    /// carol c1: page, sees and clicks a home/popular recommendation, adds, orders 80 and 40. Mobile.
    /// dave d1: two page views (not a bounce), sees home/popular and pdp/similar recommendations.
    /// </summary>
    private static readonly AnalyticsEvent[] Store =
    [
        Event("alice", PageViewed, Sec(0), "a1") with { Device = "mobile", Source = new TrafficSource("google", "cpc", null) },
        Event("alice", Viewed, Sec(5), "a1") with { Device = "mobile" },
        Event("alice", Added, Sec(20), "a1") with { Device = "mobile" },
        Event("alice", Purchased, Sec(60), "a1") with { Device = "mobile", Revenue = 120m },
        Event("alice", PageViewed, Days(2), "a2") with { Device = "mobile" },
        Event("bob", PageViewed, Sec(0), "b1") with { Device = "desktop" },
        Event("bob", PageLeft, Sec(5), "b1") with { Device = "desktop" },
        Event("bob", PageViewed, Days(1), "b2") with { Device = "desktop" },
        Event("bob", PageLeft, Days(1) + Sec(15), "b2") with { Device = "desktop" },
        Event("carol", PageViewed, Sec(0), "c1") with { Device = "mobile" },
        Rec("carol", RecommendationViewed, Sec(2), "c1", "home", "popular") with { Device = "mobile" },
        Rec("carol", RecommendationClicked, Sec(4), "c1", "home", "popular") with { Device = "mobile" },
        Event("carol", Added, Sec(8), "c1") with { Device = "mobile" },
        Event("carol", Purchased, Sec(30), "c1") with { Device = "mobile", Revenue = 80m },
        Event("carol", Purchased, Sec(40), "c1") with { Device = "mobile", Revenue = 40m },
        Event("dave", PageViewed, Sec(0), "d1"),
        Event("dave", PageViewed, Sec(3), "d1"),
        Rec("dave", RecommendationViewed, Sec(4), "d1", "home", "popular"),
        Rec("dave", RecommendationViewed, Sec(5), "d1", "pdp", "similar"),
    ];

    [Fact]
    public void HandComputedStoreGivesEveryMetric()
    {
        var m = ConversionMetrics.Compute(Store).Overall;

        Assert.Equal((4, 6), (m.Shoppers, m.Sessions));
        Assert.Equal((2, 0.5), (m.PurchasingShoppers, m.ShopperConversionRate));     // alice, carol of four
        Assert.Equal((2, 2.0 / 6), (m.PurchasingSessions, m.SessionConversionRate)); // a1, c1 of six
        Assert.Equal((2, 0.5), (m.AddToCartShoppers, m.AddToCartRate));
        Assert.Equal((3, 240m), (m.Orders, m.Revenue));
        Assert.Equal(80m, m.AverageOrderValue);        // 240 / 3 orders
        Assert.Equal(40m, m.RevenuePerSession);        // 240 / 6 sessions
        Assert.Equal(60m, m.RevenuePerShopper);        // 240 / 4 shoppers
        Assert.Equal((2, 2.0 / 6), (m.BouncedSessions, m.BounceRate)); // a2, b1
        Assert.Equal(1.5, m.SessionsPerShopper);       // 6 / 4
    }

    [Fact]
    public void RecommendationCtrIsPerPlacementAndStrategy()
    {
        var ctr = ConversionMetrics.Compute(Store).Overall.Recommendations;

        Assert.Equal(
            [
                new RecommendationCtr("home", "popular", Impressions: 2, Clicks: 1, 0.5, ShoppersReached: 2, ShoppersClicked: 1, 0.5),
                new RecommendationCtr("pdp", "similar", 1, 0, 0, 1, 0, 0),
            ],
            ctr);
    }

    [Fact]
    public void BounceFollowsPostHogsDefinition()
    {
        AnalyticsEvent[] events =
        [
            Event("p1", PageViewed, Sec(0), "one-page-quick"),
            Event("p2", PageViewed, Sec(0), "one-page-long"), Event("p2", PageLeft, Sec(10), "one-page-long"), // exactly 10 s: not under
            Event("p3", PageViewed, Sec(0), "two-pages"), Event("p3", PageViewed, Sec(1), "two-pages"),
            Event("p4", PageViewed, Sec(0), "clicked"), Event("p4", Searched, Sec(1), "clicked"),
            Event("p5", PageViewed, Sec(0), "saw-recs"), Event("p5", RecommendationViewed, Sec(1), "saw-recs"), // passive: still a bounce
            Event("p6", Added, Sec(0), "no-page-view"),
        ];

        var m = ConversionMetrics.Compute(events).Overall;

        Assert.Equal(2, m.BouncedSessions); // one-page-quick, saw-recs
    }

    [Fact]
    public void MergedIdsAreOneShopper()
    {
        AnalyticsEvent[] events = [Event("anon-1", PageViewed, Min(0), "x"), Event("user-1", Purchased, Days(1), "y") with { Revenue = 10m }];
        var identities = new IdentityGraph();
        identities.Merge("anon-1", "user-1");

        var m = ConversionMetrics.Compute(events, identities: identities).Overall;

        Assert.Equal((1, 2, 1.0), (m.Shoppers, m.Sessions, m.ShopperConversionRate));
    }

    [Fact]
    public void DeviceBreakdownGroupsSessionsByTheirFirstDevice()
    {
        var groups = ConversionMetrics.Compute(Store, new MetricsOptions { Breakdown = new Breakdown(BreakdownKind.Device) })
            .Groups.ToDictionary(g => g.Value, g => g.Metrics);

        Assert.Equal(["mobile", "desktop", Breakdown.NoValue], groups.Keys);
        Assert.Equal((2, 3, 240m), (groups["mobile"].Shoppers, groups["mobile"].Sessions, groups["mobile"].Revenue));
        Assert.Equal((1, 2, 0.5), (groups["desktop"].Shoppers, groups["desktop"].Sessions, groups["desktop"].BounceRate)); // b1 bounced, b2 did not
    }

    [Fact]
    public void UtmBreakdownUsesTheSessionsCampaignFields()
    {
        var groups = ConversionMetrics.Compute(Store, new MetricsOptions { Breakdown = new Breakdown(BreakdownKind.UtmSource) })
            .Groups.ToDictionary(g => g.Value, g => g.Metrics);

        Assert.Equal((1, 1, 1.0), (groups["google"].Shoppers, groups["google"].Sessions, groups["google"].SessionConversionRate));
        Assert.Equal(5, groups[Breakdown.NoValue].Sessions);
    }

    [Fact]
    public void TraitAndVariantBreakdownsGroupWholeShoppers()
    {
        var attributes = new PersonAttributes()
            .SetTrait("alice", "plan", "gold").SetTrait("carol", "plan", "gold").SetTrait("bob", "plan", "free")
            .SetVariant("alice", "checkout-button", "green");

        var byPlan = ConversionMetrics.Compute(Store, new MetricsOptions { Breakdown = Breakdown.ByTrait("plan") }, attributes: attributes)
            .Groups.ToDictionary(g => g.Value, g => g.Metrics);
        var byVariant = ConversionMetrics.Compute(Store, new MetricsOptions { Breakdown = Breakdown.ByVariant("checkout-button") }, attributes: attributes)
            .Groups.ToDictionary(g => g.Value, g => g.Metrics);

        Assert.Equal((2, 1.0), (byPlan["gold"].Shoppers, byPlan["gold"].ShopperConversionRate));
        Assert.Equal(0.0, byPlan["free"].ShopperConversionRate);
        Assert.Equal((1, 120m), (byVariant["green"].Shoppers, byVariant["green"].Revenue));
    }

    [Fact]
    public void EmptyInputGivesZerosNotErrors()
    {
        var m = ConversionMetrics.Compute([]).Overall;

        Assert.Equal((0, 0, 0.0, 0m), (m.Shoppers, m.Sessions, m.BounceRate, m.RevenuePerShopper));
        Assert.Null(m.AverageOrderValue);
    }

    [Fact]
    public void InvalidOptionsNameTheirFields()
    {
        var options = new MetricsOptions
        {
            BounceThreshold = TimeSpan.Zero,
            Breakdown = new Breakdown(BreakdownKind.EventProperty),
            Events = new MetricEventNames { Purchase = "" },
        };

        Assert.Equal(["bounceThreshold", "breakdown.key", "events.purchase"], options.Validate().Select(e => e.Field));
        Assert.Throws<InvalidDefinitionException>(() => ConversionMetrics.Compute(Store, options));
    }
}
