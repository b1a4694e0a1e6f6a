using Orleans.Personalization.Analytics.Statistics;
using Orleans.Personalization.Grains.Interfaces.Experiments;

namespace Orleans.Personalization.Grains.Analytics;

/// <summary>
/// One guardrail for one variant against the control: the share of exposed shoppers doing the event after
/// exposure, the always-valid difference (variant − control) and p-value, and whether it fails: significant
/// at the analysis' sequential alpha, in the harmful direction.
/// </summary>
public sealed record GuardrailResult(
    string Event,
    GuardrailDirection FailWhen,
    string Variant,
    double ControlRate,
    double VariantRate,
    Estimate Difference,
    double PValue,
    bool Failed);
