using Orleans.Personalization.Analytics;

namespace Orleans.Personalization.FunnelBenchmark;

/// <summary>
/// A reproducible month of storefront traffic: shoppers browse, search, add to cart, check out and buy with
/// falling probabilities, in sessions of events seconds to hours apart.
/// </summary>
internal static class SyntheticShop
{
    public const string Viewed = "Product Viewed";
    public const string Added = "Product Added";
    public const string Checkout = "Checkout Started";
    public const string Purchased = "Order Completed";
    private const string PageViewed = "Page Viewed";
    private const string Searched = "Products Searched";
    private const string CouponRemoved = "Coupon Removed";

    private static readonly string[] Devices = ["mobile", "desktop", "tablet"];
    private static readonly TrafficSource?[] Sources =
    [
        null,
        new("google", "cpc", "spring-sale"),
        new("newsletter", "email", "weekly"),
        new(null, null, null, "https://www.instagram.com/"),
    ];

    // Events are immutable, so shoppers share property dictionaries instead of allocating one per event.
    private static readonly IReadOnlyDictionary<string, string>[] Categories =
        new[] { "shoes", "hats", "bags", "coats", "socks", "belts", "scarves", "gloves" }
        .Select(c => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["category"] = c })
        .ToArray();

    public static List<AnalyticsEvent> Generate(int events, int shoppers, int seed)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var result = new List<AnalyticsEvent>(events);
        for (var s = 0; s < shoppers; s++)
        {
            var shoppersLeft = shoppers - s;
            var eventsLeft = events - result.Count;
            var count = shoppersLeft == 1 ? eventsLeft : Math.Clamp(random.Next(1, 20), 1, eventsLeft - (shoppersLeft - 1));
            AddShopper(result, random, $"shopper-{s}", start.AddMinutes(random.Next(0, 30 * 24 * 60)), count);
        }

        return result;
    }

    private static void AddShopper(List<AnalyticsEvent> result, Random random, string person, DateTimeOffset at, int count)
    {
        var device = Devices[random.Next(Devices.Length)];
        var source = Sources[random.Next(Sources.Length)];
        var session = 0;
        var stage = 0; // 0 browsing, 1 added, 2 checking out
        for (var i = 0; i < count; i++)
        {
            var gap = random.NextDouble() < 0.1 ? TimeSpan.FromDays(random.Next(1, 5)) : TimeSpan.FromSeconds(random.Next(5, 1800));
            if (gap > TimeSpan.FromMinutes(30))
            {
                session++;
            }

            at += gap;
            var name = NextEvent(random, ref stage);
            result.Add(new AnalyticsEvent(person, $"{person}-{session}", at, name)
            {
                Properties = Categories[random.Next(Categories.Length)],
                Device = device,
                Source = source,
                Revenue = name == Purchased ? 20 + random.Next(0, 180) : null,
            });
        }
    }

    private static string NextEvent(Random random, ref int stage)
    {
        var roll = random.NextDouble();
        switch (stage)
        {
            case 2 when roll < 0.5:
                stage = 0;
                return Purchased;
            case 1 when roll < 0.35:
                stage = 2;
                return Checkout;
            case >= 1 when roll > 0.97:
                return CouponRemoved;
            default:
                if (roll < 0.25)
                {
                    stage = Math.Max(stage, 1);
                    return Added;
                }

                return roll < 0.7 ? Viewed : roll < 0.85 ? PageViewed : Searched;
        }
    }
}
