using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Orleans.Personalization.TestKit;

namespace Orleans.Personalization.Api.Tests.Processes;

/// <summary>
/// The real service stopped (SIGTERM) and started again on the same data: assignments are the same and log no
/// second exposure, and the analytics read model, rebuilt by replaying the journal, gives the same numbers.
/// </summary>
public sealed class AnalyticsRestartTests : IDisposable
{
    private const string WriteKey = "restart-write-key";
    private const string ReadKey = "restart-read-key";
    private const int Shoppers = 20;
    private readonly TempDirectory _data = new("op-analytics");

    private Dictionary<string, string> Settings => new()
    {
        ["ApiKeys:WriteKeys:0"] = WriteKey,
        ["ApiKeys:ReadKeys:0"] = ReadKey,
        ["Storage:Sqlite:DataDirectory"] = _data.Path,
    };

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task AssignmentsAndAnalyticsAreTheSameAfterARestart()
    {
        (string[] Variants, string Metrics, string Funnel) before;
        await using (var first = await ServiceProcess.StartReadyAsync(Settings))
        {
            using var write = Client(first, WriteKey);
            using var read = Client(first, ReadKey);
            var created = await write.PostAsync("/v1/experiments", Json("""{"key":"checkout-copy","variants":[{"key":"a","weight":50},{"key":"b","weight":50}]}"""));
            created.EnsureSuccessStatusCode();
            await SendTrafficAsync(write);
            before = await ReadAllAsync(read, expectNewExposures: true);
            Assert.Equal(0, await first.TerminateAsync());
        }

        await using var second = await ServiceProcess.StartReadyAsync(Settings);
        using var readAgain = Client(second, ReadKey);
        var after = await ReadAllAsync(readAgain, expectNewExposures: false);

        Assert.Equal(before.Variants, after.Variants);
        Assert.Equal(before.Metrics, after.Metrics);
        Assert.Equal(before.Funnel, after.Funnel);
        Assert.Contains("\"shoppers\":20", before.Metrics, StringComparison.Ordinal);
    }

    private static async Task SendTrafficAsync(HttpClient write)
    {
        var start = new DateTimeOffset(2025, 5, 5, 10, 0, 0, TimeSpan.Zero);
        var batch = new JsonArray();
        for (var i = 0; i < Shoppers; i++)
        {
            var at = start.AddMinutes(i);
            batch.Add(Message($"v{i}", "Product Viewed", at, """{"product_id":"p1"}"""));
            if (i % 2 == 0)
            {
                batch.Add(Message($"v{i}", "Product Added", at.AddMinutes(1), """{"product_id":"p1"}"""));
            }

            if (i % 4 == 0)
            {
                batch.Add(Message($"v{i}", "Order Completed", at.AddMinutes(2), $$"""{"order_id":"o{{i}}","revenue":25}"""));
            }
        }

        var response = await write.PostAsync("/v1/batch", Json(new JsonObject { ["batch"] = batch }.ToJsonString()));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Assignments of every shopper, then metrics and a funnel once the read model has every event.</summary>
    private static async Task<(string[] Variants, string Metrics, string Funnel)> ReadAllAsync(HttpClient read, bool expectNewExposures)
    {
        var variants = new string[Shoppers];
        for (var i = 0; i < Shoppers; i++)
        {
            var assignment = JsonNode.Parse(await read.GetStringAsync($"/v1/experiments/checkout-copy/assignment?anonymousId=v{i}"))!;
            Assert.Equal(expectNewExposures, (bool)assignment["exposureLogged"]!);
            variants[i] = (string)assignment["variant"]!;
        }

        // Every shopper stream has its events and exposure: 20 views, 10 adds, 5 orders, 20 exposures.
        await Eventually.TrueAsync(async () => (long)JsonNode.Parse(await read.GetStringAsync("/v1/analytics/status"))!["recordsRead"]! >= 55, "the read model to hold every event");
        const string range = "from=2025-05-05T00:00:00Z&to=2025-05-06T00:00:00Z";
        var metrics = await read.GetStringAsync($"/v1/analytics/metrics?{range}&granularity=hour&breakdown=variant:checkout-copy");
        var funnel = await (await read.PostAsync("/v1/analytics/funnels", Json($$"""{"steps":[{"event":"Product Viewed"},{"event":"Product Added"},{"event":"Order Completed"}],"from":"2025-05-05T00:00:00Z","to":"2025-05-06T00:00:00Z"}"""))).Content.ReadAsStringAsync();
        return (variants, metrics, funnel);
    }

    private static JsonObject Message(string anonymousId, string name, DateTimeOffset at, string properties) => new()
    {
        ["type"] = "track",
        ["messageId"] = Guid.NewGuid().ToString(),
        ["anonymousId"] = anonymousId,
        ["event"] = name,
        ["timestamp"] = at.ToString("O"),
        ["properties"] = JsonNode.Parse(properties),
    };

    private static HttpClient Client(ServiceProcess service, string key)
    {
        var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));
        return client;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
