using System.Globalization;
using System.Text.Json;
using Orleans.Personalization.Grains.Interfaces.Messages;

namespace Orleans.Personalization.Grains.Tests.Triggers;

/// <summary>What a shopper does, as messages for <see cref="TriggerHarness.SendAsync"/> (time and anonymous id filled in).</summary>
internal static class Shop
{
    public static Func<DateTimeOffset, string, TrackedMessage> View(string productId, decimal price = 50m, string category = "shoes") =>
        Track("Product Viewed", $$"""{"product_id":"{{productId}}","category":"{{category}}","price":{{Number(price)}}}""");

    public static Func<DateTimeOffset, string, TrackedMessage> Add(string productId, decimal price = 50m, int quantity = 1) =>
        Track("Product Added", $$"""{"product_id":"{{productId}}","name":"Item {{productId}}","category":"shoes","price":{{Number(price)}},"quantity":{{quantity}}}""");

    public static Func<DateTimeOffset, string, TrackedMessage> Remove(string productId) =>
        Track("Product Removed", $$"""{"product_id":"{{productId}}"}""");

    public static Func<DateTimeOffset, string, TrackedMessage> Search(string query) =>
        Track("Products Searched", $$"""{"query":"{{query}}"}""");

    public static Func<DateTimeOffset, string, TrackedMessage> Checkout() => Track("Checkout Started", "{}");

    public static Func<DateTimeOffset, string, TrackedMessage> Order(string orderId, decimal revenue, params string[] productIds) =>
        Track("Order Completed", $$"""{"order_id":"{{orderId}}","revenue":{{Number(revenue)}},"products":[{{string.Join(',', productIds.Select(p => $$"""{"product_id":"{{p}}"}"""))}}]}""");

    public static Func<DateTimeOffset, string, TrackedMessage> Page(string name = "Home") => (at, anonymousId) => new TrackedMessage
    {
        MessageId = Guid.NewGuid().ToString(),
        Kind = MessageKind.Page,
        Name = name,
        AnonymousId = anonymousId,
        Timestamp = at,
        ReceivedAt = at,
    };

    private static Func<DateTimeOffset, string, TrackedMessage> Track(string name, string json) => (at, anonymousId) => new TrackedMessage
    {
        MessageId = Guid.NewGuid().ToString(),
        Kind = MessageKind.Track,
        Name = name,
        AnonymousId = anonymousId,
        Timestamp = at,
        ReceivedAt = at,
        Properties = JsonDocument.Parse(json).RootElement,
    };

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
