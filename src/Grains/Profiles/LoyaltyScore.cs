using Orleans.Personalization.Grains.Interfaces.Profiles;
using Orleans.Personalization.Grains.State;

namespace Orleans.Personalization.Grains.Profiles;

/// <summary>
/// Loyalty 0–100 from recency, frequency and monetary value (RFM), each scored 0–100:
/// recency R = 100 · 2^(−days since last order / 30); frequency F = 100 · (1 − e^(−orders / 3));
/// monetary M = 100 · (1 − e^(−revenue / 300)) in the shopper's main currency;
/// score = round(0.4 R + 0.3 F + 0.3 M). No orders: 0.
/// </summary>
public static class LoyaltyScore
{
    public const double RecencyHalfLifeDays = 30;
    public const double FrequencyScale = 3;
    public const double MonetaryScale = 300;

    public static LoyaltyView Compute(PurchaseHistory purchases, DateTimeOffset asOf)
    {
        if (purchases.Orders == 0)
        {
            return new LoyaltyView(0, 0, 0, 0);
        }

        var days = Math.Max(0, (asOf.ToUnixTimeMilliseconds() - purchases.LastOrderAt) / 86_400_000.0);
        var recency = 100 * Math.Pow(2, -days / RecencyHalfLifeDays);
        var frequency = 100 * (1 - Math.Exp(-purchases.Orders / FrequencyScale));
        var revenue = purchases.MainCurrency() is { } currency ? (double)purchases.ByCurrency[currency].Revenue : 0;
        var monetary = 100 * (1 - Math.Exp(-revenue / MonetaryScale));
        var score = (int)Math.Round(0.4 * recency + 0.3 * frequency + 0.3 * monetary, MidpointRounding.AwayFromZero);
        return new LoyaltyView(score, Math.Round(recency, 2), Math.Round(frequency, 2), Math.Round(monetary, 2));
    }
}
