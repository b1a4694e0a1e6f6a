namespace Orleans.Personalization.Analytics.Experiments;

/// <summary>Thresholds of an experiment analysis; the defaults are the conventions the results page explains.</summary>
public sealed record ExperimentAnalysisOptions
{
    /// <summary>Level of confidence and credible intervals.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>Below this many exposures in a variant, results carry a "too few exposures" warning.</summary>
    public int MinExposuresPerVariant { get; init; } = 100;

    /// <summary>
    /// Below this many conversions (or non-conversions) in a variant the normal approximation behind the
    /// z-test is unreliable (the usual n·p ≥ 10 rule), and results carry a warning.
    /// </summary>
    public int MinConversionsPerVariant { get; init; } = 10;

    /// <summary>The sample-ratio-mismatch check flags p below this...</summary>
    public double SampleRatioAlpha { get; init; } = 0.001;

    /// <summary>...once the experiment has at least this many exposures.</summary>
    public int SampleRatioMinExposures { get; init; } = 100;

    /// <summary>False-positive rate the always-valid results hold across any number of looks.</summary>
    public double SequentialAlpha { get; init; } = 0.05;

    /// <summary>τ of the sequential test; null for 10% of the pooled conversion rate.</summary>
    public double? MixtureStandardDeviation { get; init; }
}
