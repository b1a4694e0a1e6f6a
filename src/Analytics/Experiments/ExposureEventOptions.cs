namespace Orleans.Personalization.Analytics.Experiments;

/// <summary>How exposures and conversions appear in the event log (Segment's "Experiment Viewed" spec by default).</summary>
public sealed record ExposureEventOptions
{
    public string ExposureEvent { get; init; } = "Experiment Viewed";

    public string ExperimentProperty { get; init; } = "experiment_id";

    public string VariantProperty { get; init; } = "variation_id";

    public string VersionProperty { get; init; } = "experiment_version";

    public string ConversionEvent { get; init; } = "Order Completed";

    /// <summary>Only conversions within this time of the first exposure count; null counts all later ones.</summary>
    public TimeSpan? ConversionWindow { get; init; }
}
