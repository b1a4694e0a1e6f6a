using System.Text.Json;
using Orleans.Personalization.Grains.Interfaces.Messages;

namespace Orleans.Personalization.Grains.Tests;

/// <summary>Builds tracked messages for tests, with a fresh messageId each.</summary>
internal static class Message
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public static TrackedMessage Track(string name, string json = "{}", DateTimeOffset? at = null, string? userId = null, string? anonymousId = "anon-1", string? messageId = null) => new()
    {
        MessageId = messageId ?? Guid.NewGuid().ToString(),
        Kind = MessageKind.Track,
        Name = name,
        UserId = userId,
        AnonymousId = anonymousId,
        Timestamp = at ?? T0,
        ReceivedAt = at ?? T0,
        Properties = JsonDocument.Parse(json).RootElement,
    };

    public static TrackedMessage Viewed(string productId, string category = "shoes", decimal price = 50, DateTimeOffset? at = null, string? userId = null, string? anonymousId = "anon-1") =>
        Track("Product Viewed", $$"""{"product_id":"{{productId}}","category":"{{category}}","price":{{price}}}""", at, userId, anonymousId);

    public static TrackedMessage Added(string productId, int quantity = 1, decimal price = 50, DateTimeOffset? at = null, string? userId = null, string? anonymousId = "anon-1") =>
        Track("Product Added", $$"""{"product_id":"{{productId}}","category":"shoes","price":{{price}},"quantity":{{quantity}}}""", at, userId, anonymousId);

    public static TrackedMessage Identify(string userId, string anonymousId, string traits = """{"email":"a@example.com"}""", DateTimeOffset? at = null) => new()
    {
        MessageId = Guid.NewGuid().ToString(),
        Kind = MessageKind.Identify,
        UserId = userId,
        AnonymousId = anonymousId,
        Timestamp = at ?? T0,
        ReceivedAt = at ?? T0,
        Traits = JsonDocument.Parse(traits).RootElement,
    };

    public static TrackedMessage Page(string name, DateTimeOffset? at = null, string? anonymousId = "anon-1") => new()
    {
        MessageId = Guid.NewGuid().ToString(),
        Kind = MessageKind.Page,
        Name = name,
        AnonymousId = anonymousId,
        Timestamp = at ?? T0,
        ReceivedAt = at ?? T0,
    };
}
