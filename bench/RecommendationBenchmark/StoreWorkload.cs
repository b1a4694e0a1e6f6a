using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Orleans.Personalization.RecommendationBenchmark;

/// <summary>
/// A store built from real sessions (YooChoose clicks). The sample has about 2,900 items and 17,800 sessions, so
/// the catalog holds the most clicked items in several copies (item-copy), and the sessions are replayed in
/// rounds with fresh shoppers, each round on the next copy, until there are enough shoppers. Each session: a
/// landing page, its clicks as Product Viewed (only catalog items), an add to cart every sixth message, a search
/// every seventeenth, and for one session in ten an order of what it added (or its last view).
/// </summary>
internal sealed class StoreWorkload
{
    private static readonly string[] Words = ["trail", "running", "shoe", "rain", "jacket", "wool", "sock", "hiking", "boot", "cap", "light", "warm"];

    private StoreWorkload(List<string> products, Dictionary<string, string> titles, List<List<ShopperMessage>> shoppers)
    {
        ProductIds = products;
        Titles = titles;
        Shoppers = shoppers;
    }

    public List<string> ProductIds { get; }

    public Dictionary<string, string> Titles { get; }

    /// <summary>Each shopper's messages in order.</summary>
    public List<List<ShopperMessage>> Shoppers { get; }

    public int MessageCount => Shoppers.Sum(static s => s.Count);

    public static StoreWorkload Build(string clicksFile, int shopperCount, int productCount, string runId)
    {
        var clicks = File.ReadLines(clicksFile).Skip(1).Select(static line => line.Split('\t'))
            .Select(static f => (Session: f[0], Item: f[1], Time: double.Parse(f[2], CultureInfo.InvariantCulture)))
            .ToArray();
        var distinct = clicks.Select(static c => c.Item).Distinct().Count();
        var copies = (int)Math.Ceiling((double)productCount / distinct);
        var perCopy = productCount / copies;
        var kept = clicks.GroupBy(static c => c.Item).OrderByDescending(static g => g.Count()).ThenBy(static g => g.Key, StringComparer.Ordinal)
            .Take(perCopy).Select(static g => g.Key).ToHashSet(StringComparer.Ordinal);
        var products = Enumerable.Range(0, copies).SelectMany(copy => kept.Order(StringComparer.Ordinal).Select(item => $"{item}-{copy}")).ToList();
        var titles = products.ToDictionary(static p => p, Title, StringComparer.Ordinal);
        var sessions = clicks.Where(c => kept.Contains(c.Item)).GroupBy(static c => c.Session).Select(static g => g.ToArray()).ToArray();

        var shoppers = new List<List<ShopperMessage>>();
        var n = 0;
        for (var round = 0; shoppers.Count < shopperCount; round++)
        {
            var copy = round % copies;
            foreach (var session in sessions)
            {
                if (shoppers.Count == shopperCount)
                {
                    break;
                }

                var shopper = $"{runId}-r{round}-{session[0].Session}";
                var start = At(session[0].Time, round);
                var messages = new List<ShopperMessage> { new($"{shopper}-{++n}", shopper, "page", null, """{"name":"Home","path":"/"}""", start) };
                var carted = new List<string>();
                foreach (var (_, item, time) in session)
                {
                    var product = $"{item}-{copy}";
                    var at = At(time, round);
                    messages.Add(new($"{shopper}-{++n}", shopper, "track", "Product Viewed", Properties(product), at));
                    if (n % 6 == 0)
                    {
                        carted.Add(product);
                        messages.Add(new($"{shopper}-{++n}", shopper, "track", "Product Added", Properties(product, quantity: 1), at.AddSeconds(5)));
                    }

                    if (n % 17 == 0)
                    {
                        messages.Add(new($"{shopper}-{++n}", shopper, "track", "Products Searched", """{"query":"running shoes"}""", at.AddSeconds(2)));
                    }
                }

                if (session[0].Session.EndsWith('7'))
                {
                    var bought = carted.Count > 0 ? carted.Distinct().ToList() : [$"{session[^1].Item}-{copy}"];
                    var lines = string.Join(',', bought.Select(p => Properties(p, quantity: 1)));
                    messages.Add(new($"{shopper}-{++n}", shopper, "track", "Order Completed",
                        $$"""{"order_id":"o-{{shopper}}","revenue":{{bought.Count * 20}},"currency":"EUR","products":[{{lines}}]}""", At(session[^1].Time, round).AddMinutes(2)));
                }

                shoppers.Add(messages);
            }
        }

        return new StoreWorkload(products, titles, shoppers);
    }

    /// <summary>Bulk catalog bodies of up to 1000 products.</summary>
    public IEnumerable<byte[]> CatalogBodies() => ProductIds.Chunk(1000).Select(chunk => JsonSerializer.SerializeToUtf8Bytes(new
    {
        products = chunk.Select(p => new
        {
            productId = p,
            title = Titles[p],
            categoryPath = new List<string> { Category(p) },
            price = Price(p),
            currency = "EUR",
            inStock = ItemOf(p) % 20 != 0,
        }),
    }));

    /// <summary>Segment batch bodies of up to <paramref name="size"/> messages, shoppers in turn.</summary>
    public List<byte[]> EventBodies(int size) => Shoppers.SelectMany(static s => s).Chunk(size)
        .Select(static chunk => Encoding.UTF8.GetBytes($"{{\"batch\":[{string.Join(',', chunk.Select(Json))}]}}"))
        .ToList();

    public static string Category(string product) => $"cat-{ItemOf(product) % 12}";

    private static decimal Price(string product) => 5 + (ItemOf(product) % 200);

    private static long ItemOf(string product) => long.Parse(product[..product.IndexOf('-', StringComparison.Ordinal)], CultureInfo.InvariantCulture);

    private static string Title(string product)
    {
        var item = ItemOf(product);
        return $"{Words[(int)(item % Words.Length)]} {Words[(int)(item / 7 % Words.Length)]} {item}";
    }

    private static string Properties(string product, int? quantity = null) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"product_id":"{{product}}","category":"{{Category(product)}}","price":{{Price(product)}}{{(quantity is { } q ? $",\"quantity\":{q}" : "")}}}""");

    private static DateTimeOffset At(double unixSeconds, int round) => DateTimeOffset.FromUnixTimeMilliseconds((long)(unixSeconds * 1000)).AddDays(round);

    private static string Json(ShopperMessage m) =>
        $$"""{"type":"{{m.Type}}",{{(m.Event is null ? "" : $"\"event\":\"{m.Event}\",")}}"messageId":"{{m.MessageId}}","anonymousId":"{{m.AnonymousId}}","timestamp":"{{m.Timestamp:O}}",{{(m.Type == "page" ? "\"name\":\"Home\"," : "")}}"properties":{{m.PropertiesJson}}}""";
}
