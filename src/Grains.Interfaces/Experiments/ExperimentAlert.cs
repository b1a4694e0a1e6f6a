namespace Orleans.Personalization.Grains.Interfaces.Experiments;

/// <summary>
/// Something wrong with a running experiment, sent once to the trigger streams: a sample-ratio mismatch, or a
/// guardrail the variant fails. <see cref="Id"/> is derived from experiment, version, kind and metric, so the
/// same finding is never sent twice.
/// </summary>
public sealed record ExperimentAlert(
    string Id,
    string Kind,
    string ExperimentKey,
    int Version,
    string? Variant,
    string? Metric,
    string Message,
    DateTimeOffset DetectedAt)
{
    public const string SampleRatioMismatch = "sample_ratio_mismatch";
    public const string GuardrailFailed = "guardrail_failed";
}
