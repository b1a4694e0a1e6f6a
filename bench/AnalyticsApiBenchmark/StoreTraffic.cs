using System.Globalization;
using System.Text;

namespace Orleans.Personalization.AnalyticsApiBenchmark;

/// <summary>
/// A reproducible month of storefront traffic as Segment batches: shoppers browse, search, add to cart, check
/// out and buy with falling probabilities, in sessions of events seconds to hours apart, from three devices and
/// four traffic sources; one shopper in five logs in half-way (an identify call merging the anonymous history).
/// Each shopper's events travel in one batch, in time order. Exactly <c>events</c> track and page calls are made.
/// </summary>
internal static class StoreTraffic
{
    private static readonly string[] Categories = ["shoes", "hats", "bags", "coats", "socks", "belts", "scarves", "gloves"];
    private static readonly string[] Agents =
    [
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36",
        "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15",
    ];

    private static readonly string[] Campaigns =
    [
        "",
        ""","campaign":{"source":"google","medium":"cpc","name":"spring-sale"}""",
        ""","campaign":{"source":"newsletter","medium":"email","name":"weekly"}""",
        ""","page":{"referrer":"https://www.instagram.com/"}""",
    ];

    public static DateTimeOffset Start { get; } = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset End => Start.AddDays(35);

    /// <summary>The batches (each about <paramref name="batchEvents"/> events, whole shoppers), and how many identify calls they hold.</summary>
    public static (List<byte[]> Batches, int Identifies) Generate(int events, int shoppers, int seed, int batchEvents = 200)
    {
        var random = new Random(seed);
        var batches = new List<byte[]>();
        var batch = new StringBuilder();
        var inBatch = 0;
        var identifies = 0;
        var sent = 0;
        for (var s = 0; s < shoppers; s++)
        {
            var shoppersLeft = shoppers - s;
            var eventsLeft = events - sent;
            var count = shoppersLeft == 1 ? eventsLeft : Math.Clamp(random.Next(1, 20), 1, eventsLeft - (shoppersLeft - 1));
            identifies += AddShopper(batch, random, s, count);
            sent += count;
            inBatch += count;
            if (inBatch >= batchEvents || s == shoppers - 1)
            {
                batches.Add(Encoding.UTF8.GetBytes($$"""{"batch":[{{batch}}]}"""));
                batch.Clear();
                inBatch = 0;
            }
        }

        return (batches, identifies);
    }

    private static int AddShopper(StringBuilder batch, Random random, int shopper, int count)
    {
        var anonymousId = $"shopper-{shopper}";
        var context = "\"context\":" + $$"""{"userAgent":"{{Agents[random.Next(Agents.Length)]}}"{{Campaigns[random.Next(Campaigns.Length)]}}}""";
        var loginAt = random.NextDouble() < 0.2 ? count / 2 : -1;
        var at = Start.AddMinutes(random.Next(0, 30 * 24 * 60));
        var stage = 0;
        string? userId = null;
        for (var i = 0; i < count; i++)
        {
            at += random.NextDouble() < 0.1 ? TimeSpan.FromDays(random.Next(1, 5)) : TimeSpan.FromSeconds(random.Next(5, 1800));
            if (i == loginAt)
            {
                userId = $"customer-{shopper}";
                Append(batch, $$$"""{"type":"identify","messageId":"id-{{{shopper}}}","userId":"{{{userId}}}","anonymousId":"{{{anonymousId}}}","timestamp":"{{{Time(at)}}}","traits":{"plan":"{{{(shopper % 3 == 0 ? "gold" : "basic")}}}"}}""");
            }

            var who = userId is null ? $"\"anonymousId\":\"{anonymousId}\"" : $"\"userId\":\"{userId}\"";
            var common = $"\"messageId\":\"m-{shopper}-{i}\",{who},\"timestamp\":\"{Time(at)}\",{context}";
            var category = Categories[random.Next(Categories.Length)];
            var product = $"p-{random.Next(0, 10_000)}";
            Append(batch, NextEvent(random, ref stage) switch
            {
                "page" => $$$"""{"type":"page","name":"{{{category}}}",{{{common}}}}""",
                "search" => $$$"""{"type":"track","event":"Products Searched",{{{common}}},"properties":{"query":"{{{category}}}"}}""",
                "add" => $$$"""{"type":"track","event":"Product Added",{{{common}}},"properties":{"product_id":"{{{product}}}","category":"{{{category}}}","price":{{{20 + random.Next(0, 100)}}},"quantity":1}}""",
                "checkout" => $$$"""{"type":"track","event":"Checkout Started",{{{common}}},"properties":{}}""",
                "buy" => $$$"""{"type":"track","event":"Order Completed",{{{common}}},"properties":{"order_id":"o-{{{shopper}}}-{{{i}}}","revenue":{{{20 + random.Next(0, 180)}}},"currency":"EUR"}}""",
                "remove" => $$$"""{"type":"track","event":"Product Removed",{{{common}}},"properties":{"product_id":"{{{product}}}"}}""",
                _ => $$$"""{"type":"track","event":"Product Viewed",{{{common}}},"properties":{"product_id":"{{{product}}}","category":"{{{category}}}","price":{{{20 + random.Next(0, 100)}}}}}""",
            });
        }

        return loginAt >= 0 ? 1 : 0;
    }

    private static string NextEvent(Random random, ref int stage)
    {
        var roll = random.NextDouble();
        switch (stage)
        {
            case 2 when roll < 0.5:
                stage = 0;
                return "buy";
            case 1 when roll < 0.35:
                stage = 2;
                return "checkout";
            case >= 1 when roll > 0.97:
                return "remove";
            default:
                if (roll < 0.25)
                {
                    stage = Math.Max(stage, 1);
                    return "add";
                }

                return roll < 0.7 ? "view" : roll < 0.85 ? "page" : "search";
        }
    }

    private static void Append(StringBuilder batch, string message)
    {
        if (batch.Length > 0)
        {
            batch.Append(',');
        }

        batch.Append(message);
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
