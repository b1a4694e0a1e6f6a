using Orleans.Personalization.Analytics.Funnels;

namespace Orleans.Personalization.Analytics.Tests.TestData;

/// <summary>Seeded random event streams for comparing implementations against each other.</summary>
internal static class RandomShop
{
    private static readonly string[] Names = [Shop.Viewed, Shop.Added, Shop.Checkout, Shop.Purchased, Shop.CouponRemoved, Shop.Searched];
    private static readonly string[] Categories = ["shoes", "hats"];

    /// <summary>
    /// Events spread over 60 days so windows matter; every timestamp is distinct, so the result cannot depend
    /// on the arrival order of events.
    /// </summary>
    public static List<AnalyticsEvent> Generate(int seed, int people, int eventsPerPerson)
    {
        var random = new Random(seed);
        var events = new List<AnalyticsEvent>();
        for (var p = 0; p < people; p++)
        {
            // Each person is active for a spell of up to 20 days, starting somewhere in a 40-day range.
            var count = random.Next(1, (2 * eventsPerPerson) + 1);
            var firstMinute = random.Next(0, 40 * 24 * 60);
            var spellMinutes = random.Next(1, 20 * 24 * 60);
            for (var i = 0; i < count; i++)
            {
                var at = TimeSpan.FromMinutes(firstMinute + random.Next(0, spellMinutes)) + TimeSpan.FromTicks(events.Count);
                var name = Names[random.Next(Names.Length)];
                events.Add(Shop.Event($"p{p}", name, at).With("category", Categories[random.Next(Categories.Length)]));
            }
        }

        return events;
    }

    public static List<T> Shuffled<T>(IEnumerable<T> items, int seed)
    {
        var list = items.ToList();
        new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
        return list;
    }

    /// <summary>Funnels exercising each mode, filters that overlap, exclusions and a short window.</summary>
    public static IEnumerable<FunnelDefinition> Funnels()
    {
        var shoes = PropertyFilter.Equal("category", "shoes");
        FunnelStep[] steps = [new(Shop.Viewed), new(Shop.Added), new(Shop.Viewed, [shoes]), new(Shop.Purchased)];
        foreach (var order in Enum.GetValues<FunnelOrder>())
        {
            yield return new FunnelDefinition(steps) { Order = order };
            yield return new FunnelDefinition(steps) { Order = order, Window = TimeSpan.FromDays(3) };
        }

        foreach (var order in new[] { FunnelOrder.Ordered, FunnelOrder.Strict })
        {
            yield return new FunnelDefinition(steps)
            {
                Order = order,
                Exclusions = [new FunnelExclusion(Shop.CouponRemoved, 1, 3), new FunnelExclusion(Shop.Searched, 0, 1) { Filters = [shoes] }],
            };
        }
    }
}
