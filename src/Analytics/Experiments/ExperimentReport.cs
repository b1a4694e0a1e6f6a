namespace Orleans.Personalization.Analytics.Experiments;

/// <summary>The results page of an experiment.</summary>
/// <param name="ExperimentKey">The experiment.</param>
/// <param name="Version">The latest version analysed.</param>
/// <param name="Control">The control variant.</param>
/// <param name="Variants">Per-variant figures, in definition order.</param>
/// <param name="Comparisons">Each other variant against the control.</param>
/// <param name="SampleRatio">The sample-ratio-mismatch check.</param>
/// <param name="Warnings">Reasons not to conclude yet, or at all.</param>
public sealed record ExperimentReport(
    string ExperimentKey,
    int Version,
    string Control,
    IReadOnlyList<VariantResult> Variants,
    IReadOnlyList<VariantComparison> Comparisons,
    SampleRatioCheck SampleRatio,
    IReadOnlyList<ExperimentWarning> Warnings);
