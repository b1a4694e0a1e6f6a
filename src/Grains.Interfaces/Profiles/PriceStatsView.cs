namespace Orleans.Personalization.Grains.Interfaces.Profiles;

/// <summary>Prices seen: how many, the range, the mean and the typical (median of the most recent).</summary>
public sealed record PriceStatsView(int Count, decimal Min, decimal Max, decimal Mean, decimal Typical);
