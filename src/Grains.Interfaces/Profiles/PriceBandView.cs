namespace Orleans.Personalization.Grains.Interfaces.Profiles;

/// <summary>Prices of products viewed and of products bought; null until there is one.</summary>
public sealed record PriceBandView(PriceStatsView? Viewed, PriceStatsView? Bought);
