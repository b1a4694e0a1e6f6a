using Orleans.Personalization.Analytics.Statistics;

namespace Orleans.Personalization.Analytics.Experiments;

/// <summary>
/// Whether exposures split as the weights say. Expected shares mix the weights of each version in proportion
/// to the shoppers assigned under it, so a re-weighted experiment is not flagged for its own history.
/// </summary>
/// <param name="Checked">False until the experiment has enough exposures for the check to mean anything.</param>
/// <param name="Mismatch">True when checked and the p-value is below the threshold: the results should not be trusted.</param>
/// <param name="Test">The chi-squared goodness-of-fit test over the variants given traffic; null without exposures or with fewer than two such variants.</param>
/// <param name="ExpectedShares">Expected share of exposures per variant, in definition order.</param>
public sealed record SampleRatioCheck(bool Checked, bool Mismatch, ChiSquaredTestResult? Test, IReadOnlyList<double> ExpectedShares);
