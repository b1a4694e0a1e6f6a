using System.Text.Json;
using Orleans.Personalization.Analytics;
using Orleans.Personalization.Grains.Analytics;
using Orleans.Personalization.Grains.Events;
using Orleans.Personalization.Grains.Interfaces.Messages;

namespace Orleans.Personalization.Grains.Tests.Analytics;

public sealed class AnalyticsPiecesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148", "mobile")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36", "mobile")]
    [InlineData("Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 Chrome/120.0 Safari/537.36", "tablet")]
    [InlineData("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15", "tablet")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36", "desktop")]
    [InlineData("", null)]
    public void TheDeviceClassComesFromTheUserAgent(string userAgent, string? device) =>
        Assert.Equal(device, DeviceClassifier.Classify(userAgent));

    [Fact]
    public void SessionsEndAfterThirtyMinutesWithoutAnEventAndAnOrderIdCountsOnce()
    {
        var store = new AnalyticsStore(100_000);
        store.Apply(
        [
            Record("user/u:a", 1, Viewed(T0)),
            Record("user/u:a", 2, Viewed(T0.AddMinutes(30))),
            Record("user/u:a", 3, Viewed(T0.AddMinutes(61))),
            Record("user/u:a", 4, Order("o1", T0.AddMinutes(62))),
            Record("user/u:a", 5, Order("o1", T0.AddMinutes(63))),
        ]);

        var events = store.Snapshot().Events;

        Assert.Equal(["u:a#1", "u:a#1", "u:a#2", "u:a#2"], events.Select(static e => e.SessionId));
        Assert.Equal(30m, events.Where(static e => e.Name == "Order Completed").Sum(static e => e.Revenue));
    }

    [Fact]
    public void ScalarPropertiesUtmDeviceAndRevenueAreProjectedAndNestedValuesLeftOut()
    {
        var store = new AnalyticsStore(100_000);
        var order = Order("o7", T0) with
        {
            Context = new MessageContext(new CampaignContext("newsletter", "email", "spring", null, null), new PageContext(null, null, "https://www.google.com/search", null, null), "Mozilla/5.0 (iPhone) Mobile", null, null),
            Properties = JsonDocument.Parse("""{"order_id":"o7","revenue":30,"coupon":"SAVE","products":[{"product_id":"p1"}]}""").RootElement,
        };

        store.Apply([Record("user/a:v", 1, order)]);
        var e = Assert.Single(store.Snapshot().Events);

        Assert.Equal(("a:v", "Order Completed", 30m, "mobile"), (e.PersonId, e.Name, e.Revenue, e.Device));
        Assert.Equal(new TrafficSource("newsletter", "email", "spring", "https://www.google.com/search"), e.Source);
        Assert.Equal("SAVE", e.Properties["coupon"]);
        Assert.False(e.Properties.ContainsKey("products"));
    }

    [Fact]
    public void TheOldestBlockIsDroppedPastTheEventLimit()
    {
        var store = new AnalyticsStore(EventWindow.BlockSize * 2);
        var records = Enumerable.Range(0, (EventWindow.BlockSize * 2) + 10).Select(i => Record($"user/u:{i % 100}", i + 1, Viewed(T0.AddSeconds(i)))).ToArray();

        store.Apply(records);
        var status = store.Status();

        Assert.Equal(EventWindow.BlockSize + 10, status.EventsHeld);
        Assert.Equal(EventWindow.BlockSize, status.EventsDropped);
        Assert.Equal(T0.AddSeconds(EventWindow.BlockSize), status.OldestEvent);
    }

    private static ProductViewed Viewed(DateTimeOffset at) => new()
    {
        MessageId = Guid.NewGuid().ToString(),
        Timestamp = at,
        Product = new ProductLine("p1", Category: "shoes"),
    };

    private static OrderCompleted Order(string orderId, DateTimeOffset at) => new()
    {
        MessageId = Guid.NewGuid().ToString(),
        Timestamp = at,
        OrderId = orderId,
        Revenue = 30m,
        Currency = "EUR",
    };

    private static Runtime.Storage.PartitionRecord Record(string stream, long position, ShopperEvent e) =>
        new(position, stream, position, Runtime.EventSourcing.JournalEventTypeNames.Of(e), JsonSerializer.SerializeToUtf8Bytes(e, ShopperJsonContext.Default.ShopperEvent), e.Timestamp);
}
