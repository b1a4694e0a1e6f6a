namespace Orleans.Personalization.Grains.Interfaces.Profiles;

/// <summary>Loyalty 0–100 and its recency, frequency and monetary parts (docs/profile.md gives the formula).</summary>
public sealed record LoyaltyView(int Score, double Recency, double Frequency, double Monetary);
