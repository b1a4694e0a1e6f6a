using Orleans.Personalization.Analytics;

namespace Orleans.Personalization.Grains.Analytics;

/// <summary>An event as the read model holds it: the analytics event and the session it belongs to.</summary>
public readonly record struct StoredEvent(AnalyticsEvent Event, SessionSpan Session);
