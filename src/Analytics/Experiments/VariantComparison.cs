using Orleans.Personalization.Analytics.Statistics;

namespace Orleans.Personalization.Analytics.Experiments;

/// <summary>A variant against the control; every difference is variant − control.</summary>
/// <param name="Variant">The variant compared.</param>
/// <param name="Control">The control it is compared with.</param>
/// <param name="Conversion">Two-proportion z-test on conversion rates, fixed horizon.</param>
/// <param name="RevenuePerShopper">Welch's t-test on revenue per shopper, fixed horizon; null when undefined.</param>
/// <param name="ChanceToBeatControl">Posterior probability that the variant's conversion rate is higher.</param>
/// <param name="CredibleDifference">Posterior difference in conversion rate with its credible interval.</param>
/// <param name="Sequential">Always-valid result for the conversion rate, safe to read every day.</param>
public sealed record VariantComparison(
    string Variant,
    string Control,
    ZTestResult Conversion,
    TTestResult? RevenuePerShopper,
    double ChanceToBeatControl,
    Estimate CredibleDifference,
    SequentialResult Sequential);
