namespace Orleans.Personalization.Analytics.Experiments;

/// <summary>A reason to be careful with the results; <paramref name="Code"/> is stable for clients, the message is for people.</summary>
public sealed record ExperimentWarning(string Code, string Message, string? Variant = null)
{
    public const string SampleRatioMismatch = "sample_ratio_mismatch";
    public const string TooFewExposures = "too_few_exposures";
    public const string TooFewConversions = "too_few_conversions";
    public const string TooFewOrders = "too_few_orders";
    public const string Crossover = "crossover";
    public const string UnknownVariant = "unknown_variant";
}
