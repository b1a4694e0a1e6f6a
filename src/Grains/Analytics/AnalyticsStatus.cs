namespace Orleans.Personalization.Grains.Analytics;

/// <summary>How far the read model is: shopper journal records read, events held and dropped, shoppers, merges, the oldest event held.</summary>
public sealed record AnalyticsStatus(long RecordsRead, int EventsHeld, long EventsDropped, int Shoppers, int IdentityMerges, DateTimeOffset? OldestEvent);
