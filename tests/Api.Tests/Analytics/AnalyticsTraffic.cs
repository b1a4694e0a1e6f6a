using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Personalization.Grains.Analytics;

namespace Orleans.Personalization.Api.Tests.Analytics;

/// <summary>Segment messages at chosen times for hand-computed datasets, and the read model caught up before a query.</summary>
internal static class AnalyticsTraffic
{
    public const string Desktop = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36";
    public const string Phone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148";

    /// <summary>A day of its own for each test (the class shares one service, and queries cover every shopper).</summary>
    public static DateTimeOffset Day(int n) => new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero).AddDays(n);

    public static string Range(DateTimeOffset day) => $"from={Iso(day)}&to={Iso(day.AddDays(1))}";

    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>A track call; product events get a product_id when the test does not care which.</summary>
    public static JsonObject Track(string who, string name, DateTimeOffset at, JsonObject? properties = null, JsonObject? context = null)
    {
        if (name.StartsWith("Product ", StringComparison.Ordinal))
        {
            properties ??= [];
            properties.TryAdd("product_id", "p1");
        }

        return Message("track", who, at, properties, context, name);
    }

    public static JsonObject Page(string who, DateTimeOffset at, JsonObject? context = null) => Message("page", who, at, null, context, "Home");

    public static JsonObject Identify(string userId, string anonymousId, DateTimeOffset at, JsonObject traits) => new()
    {
        ["type"] = "identify",
        ["messageId"] = Guid.NewGuid().ToString(),
        ["userId"] = userId,
        ["anonymousId"] = anonymousId,
        ["timestamp"] = at.ToString("O"),
        ["traits"] = traits,
    };

    public static JsonObject Order(string who, DateTimeOffset at, decimal revenue) =>
        Track(who, "Order Completed", at, new JsonObject { ["order_id"] = Guid.NewGuid().ToString("N"), ["revenue"] = revenue, ["currency"] = "EUR" });

    public static JsonObject Context(string? userAgent = null, string? source = null, string? medium = null) => new()
    {
        ["userAgent"] = userAgent,
        ["campaign"] = source is null ? null : new JsonObject { ["source"] = source, ["medium"] = medium, ["name"] = "spring" },
    };

    public static async Task SendAsync(this HttpClient write, params JsonObject[] messages)
    {
        var response = await write.PostJsonAsync("/v1/batch", new JsonObject { ["batch"] = new JsonArray(messages.Cast<JsonNode?>().ToArray()) }.ToJsonString());
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK && JsonNode.Parse(answer)!["rejected"]!.AsArray().Count == 0, answer);
    }

    public static Task AnalyticsCaughtUpAsync(this PersonalizationApp app) =>
        app.Services.GetRequiredService<AnalyticsReadModel>().CatchUpAsync();

    public static async Task<JsonNode> GetOkAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    public static async Task<JsonNode> PostOkAsync(this HttpClient client, string path, JsonObject body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostJsonAsync(path, body.ToJsonString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>The problem's errors by field, after checking the status.</summary>
    public static async Task<JsonObject> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!["errors"]!.AsObject();
    }

    public static int[] Entered(this JsonNode funnel) => funnel["steps"]!.AsArray().Select(static s => (int)s!["entered"]!).ToArray();

    private static JsonObject Message(string type, string who, DateTimeOffset at, JsonObject? properties, JsonObject? context, string name)
    {
        var message = new JsonObject
        {
            ["type"] = type,
            ["messageId"] = Guid.NewGuid().ToString(),
            ["timestamp"] = at.ToString("O"),
            [type == "track" ? "event" : "name"] = name,
        };
        message[who.StartsWith("user:", StringComparison.Ordinal) ? "userId" : "anonymousId"] = who.StartsWith("user:", StringComparison.Ordinal) ? who[5..] : who;
        if (properties is not null)
        {
            message["properties"] = properties;
        }

        if (context is not null)
        {
            message["context"] = context;
        }

        return message;
    }
}
