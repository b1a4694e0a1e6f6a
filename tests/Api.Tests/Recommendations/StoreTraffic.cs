using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Personalization.Grains.Recommendations.CoOccurrence;
using Orleans.Personalization.Runtime.Projections;

namespace Orleans.Personalization.Api.Tests.Recommendations;

/// <summary>What a store sends in these tests: catalog entries and shopper events; and a way to let co-occurrence catch up.</summary>
internal static class StoreTraffic
{
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    /// <summary>Runs the log projections and applies what they read (the background loop's timer is on the fake clock).</summary>
    public static async Task CatchUpAsync(this PersonalizationApp app)
    {
        await app.Services.GetRequiredService<ProjectionService>().RunOnceAsync();
        await app.Services.GetRequiredService<CoOccurrenceProjection>().FlushAsync();
    }

    public static async Task PutProductAsync(this HttpClient write, string id, string title, string[] path, decimal price, bool inStock = true)
    {
        var response = await write.PutAsJsonAsync($"/v1/catalog/products/{id}", new { title, categoryPath = path, price, currency = "EUR", inStock });
        response.EnsureSuccessStatusCode();
    }

    public static async Task ViewAsync(this HttpClient write, string anonymousId, params string[] products)
    {
        var batch = products.Select((p, i) => new JsonObject
        {
            ["type"] = "track",
            ["anonymousId"] = anonymousId,
            ["event"] = "Product Viewed",
            ["properties"] = new JsonObject { ["product_id"] = p },
            ["timestamp"] = new DateTimeOffset(2026, 6, 1, 11, 30, 0, TimeSpan.Zero).AddSeconds(i).ToString("O"),
        });
        var response = await write.PostJsonAsync("/v1/batch", new JsonObject { ["batch"] = new JsonArray(batch.ToArray<JsonNode?>()) }.ToJsonString());
        response.EnsureSuccessStatusCode();
    }

    public static async Task OrderAsync(this HttpClient write, string anonymousId, string orderId, params string[] products)
    {
        var lines = new JsonArray(products.Select(p => (JsonNode?)new JsonObject { ["product_id"] = p }).ToArray());
        var response = await write.PostJsonAsync("/v1/track", new JsonObject
        {
            ["anonymousId"] = anonymousId,
            ["event"] = "Order Completed",
            ["properties"] = new JsonObject { ["order_id"] = orderId, ["revenue"] = 10, ["currency"] = "EUR", ["products"] = lines },
        }.ToJsonString());
        response.EnsureSuccessStatusCode();
    }

    public static async Task<JsonNode> RecommendAsync(this HttpClient read, string query)
    {
        var response = await read.GetAsync($"/v1/recommendations?{query}");
        Assert.True(response.IsSuccessStatusCode, $"GET /v1/recommendations?{query} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public static string[] Ids(this JsonNode recommendation) =>
        recommendation["items"]!.AsArray().Select(i => (string)i!["productId"]!).ToArray();

    public static JsonNode Item(this JsonNode recommendation, string productId) =>
        recommendation["items"]!.AsArray().Single(i => (string)i!["productId"]! == productId)!;
}
