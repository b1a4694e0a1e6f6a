using Orleans.Personalization.Analytics.Statistics;

namespace Orleans.Personalization.Analytics.Experiments;

/// <summary>One variant's figures, each with an interval at the analysis' confidence level.</summary>
/// <param name="Variant">The variant key.</param>
/// <param name="Exposures">Unique shoppers exposed.</param>
/// <param name="Conversions">Exposed shoppers who ordered afterwards.</param>
/// <param name="ConversionRate">Conversions / exposures with Wilson's score interval.</param>
/// <param name="RevenuePerShopper">Mean revenue per exposed shopper with a t interval; null below two shoppers.</param>
/// <param name="AverageOrderValue">Revenue / orders with a delta-method interval; null below two shoppers or without orders.</param>
/// <param name="Orders">Orders placed by exposed shoppers after exposure.</param>
/// <param name="Revenue">Revenue of those orders.</param>
/// <param name="PosteriorRate">Posterior mean conversion rate (uniform prior) with its credible interval.</param>
public sealed record VariantResult(
    string Variant,
    int Exposures,
    int Conversions,
    Estimate ConversionRate,
    Estimate? RevenuePerShopper,
    Estimate? AverageOrderValue,
    int Orders,
    double Revenue,
    Estimate PosteriorRate);
