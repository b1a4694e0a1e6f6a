namespace Orleans.Personalization.Grains.Interfaces.Profiles;

/// <summary>A category and its interest weight, decayed to the profile's time (half-life 14 days).</summary>
public sealed record CategoryPreference(string Category, double Weight, DateTimeOffset LastSeen);
