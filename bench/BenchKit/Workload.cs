using System.Globalization;
using System.Text;

namespace Orleans.Personalization.BenchKit;

/// <summary>
/// Realistic Segment batches built from real shopper sessions (YooChoose clicks): each session is an
/// anonymous shopper, each click a Product Viewed; every session also gets a landing page view, some
/// add to cart, search, and a few complete an order. Bodies are built before timing starts.
/// </summary>
public static class Workload
{
    /// <summary>The placeholder in shopper ids that each round of the workload replaces with its own prefix.</summary>
    public const string RoundPlaceholder = "{ROUND}";

    /// <summary>Batch bodies with <see cref="RoundPlaceholder"/> in every shopper id.</summary>
    public static List<string> BuildBatchTemplates(string clicksFile, int batchSize)
    {
        var sessions = File.ReadLines(clicksFile)
            .Skip(1)
            .Select(static line => line.Split('\t'))
            .GroupBy(static f => f[0], static f => (Item: f[1], Time: double.Parse(f[2], CultureInfo.InvariantCulture)));
        var messages = new List<string>();
        var n = 0;
        foreach (var session in sessions)
        {
            var shopper = $"{RoundPlaceholder}-{session.Key}";
            var clicks = session.ToArray();
            var start = DateTimeOffset.FromUnixTimeMilliseconds((long)(clicks[0].Time * 1000));
            messages.Add(Message(++n, shopper, start, """{"type":"page","name":"Home","properties":{"path":"/"}"""));
            foreach (var (item, time) in clicks)
            {
                var at = DateTimeOffset.FromUnixTimeMilliseconds((long)(time * 1000));
                var price = 5 + int.Parse(item[^3..], CultureInfo.InvariantCulture) % 200;
                var category = $"cat-{int.Parse(item[^2..], CultureInfo.InvariantCulture) % 12}";
                messages.Add(Message(++n, shopper, at,
                    $$$"""{"type":"track","event":"Product Viewed","properties":{"product_id":"{{{item}}}","category":"{{{category}}}","price":{{{price}}}}"""));
                if (n % 6 == 0)
                {
                    messages.Add(Message(++n, shopper, at.AddSeconds(5),
                        $$$"""{"type":"track","event":"Product Added","properties":{"product_id":"{{{item}}}","category":"{{{category}}}","price":{{{price}}},"quantity":1}"""));
                }

                if (n % 17 == 0)
                {
                    messages.Add(Message(++n, shopper, at.AddSeconds(2), """{"type":"track","event":"Products Searched","properties":{"query":"running shoes"}"""));
                }
            }

            if (session.Key.EndsWith('7'))
            {
                messages.Add(Message(++n, shopper, start.AddMinutes(20),
                    $$$"""{"type":"track","event":"Order Completed","properties":{"order_id":"o-{{{shopper}}}","revenue":{{{clicks.Length * 10}}},"currency":"EUR"}"""));
            }
        }

        return messages.Chunk(batchSize)
            .Select(static chunk => $"{{\"batch\":[{string.Join(',', chunk)}]}}")
            .ToList();
    }

    /// <summary>Request <paramref name="n"/>: the templates again and again, each round with new shoppers.</summary>
    public static byte[] Body(List<string> templates, int n, string runId) =>
        Encoding.UTF8.GetBytes(templates[n % templates.Count].Replace(RoundPlaceholder, $"{runId}r{n / templates.Count}", StringComparison.Ordinal));

    /// <summary>Messages in one batch body.</summary>
    public static int MessagesIn(string template) => template.Split("\"messageId\"").Length - 1;

    /// <summary><paramref name="head"/> is a message object without its closing brace; ids and time complete it.</summary>
    private static string Message(int n, string shopper, DateTimeOffset at, string head) =>
        $"{head},\"messageId\":\"{shopper}-{n}\",\"anonymousId\":\"{shopper}\",\"timestamp\":\"{at:O}\"}}";
}
