namespace Orleans.Personalization.Grains.Interfaces.Profiles;

/// <summary>One session: events with no gap over 30 minutes.</summary>
public sealed record SessionView(int Number, DateTimeOffset StartedAt, DateTimeOffset LastEventAt, int Events, int PageViews, bool Active);
