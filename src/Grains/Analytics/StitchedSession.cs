namespace Orleans.Personalization.Grains.Analytics;

/// <summary>A session made of several streams' sessions: the id and start of the earliest.</summary>
internal sealed record StitchedSession(string Id, long StartTicks);
