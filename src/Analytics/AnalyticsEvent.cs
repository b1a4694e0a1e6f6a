using System.Collections.ObjectModel;

namespace Orleans.Personalization.Analytics;

/// <summary>
/// One shopper action as analytics sees it: a projection of the event log after identity resolution.
/// </summary>
/// <param name="PersonId">The person after identity resolution (or the raw id, resolved later by an <see cref="IdentityGraph"/>).</param>
/// <param name="SessionId">The storefront session the event belongs to.</param>
/// <param name="Timestamp">When the shopper did it (event time, not arrival time).</param>
/// <param name="Name">The event name, e.g. "Product Viewed" or "Order Completed" (Segment e-commerce v2).</param>
public sealed record AnalyticsEvent(string PersonId, string SessionId, DateTimeOffset Timestamp, string Name)
{
    /// <summary>Flat event properties; JSON properties are flattened with <see cref="EventProperties.FromJson"/>.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>Order revenue, for purchase events.</summary>
    public decimal? Revenue { get; init; }

    /// <summary>UTM fields and referrer, from the event's context.campaign and context.page.referrer.</summary>
    public TrafficSource? Source { get; init; }

    /// <summary>Device class, e.g. "mobile", "desktop", "tablet".</summary>
    public string? Device { get; init; }
}
