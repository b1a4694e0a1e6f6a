namespace Orleans.Personalization.Grains.Interfaces.Profiles;

/// <summary>How many sessions the shopper has had, and the latest one.</summary>
public sealed record SessionsView(int Count, SessionView? Current);
