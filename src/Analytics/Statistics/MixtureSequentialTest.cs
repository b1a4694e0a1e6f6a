namespace Orleans.Personalization.Analytics.Statistics;

/// <summary>
/// The mixture sequential probability ratio test (mSPRT) for a difference in conversion rates, as in
/// Johari, Koomen, Pekelis and Walsh, "Always Valid Inference" (Operations Research, 2022), with the
/// normal approximation to the difference of two proportions. The likelihood ratio against "no difference",
/// mixed over a N(0, τ²) prior on the difference, is
///   Λ = √(V / (V + τ²)) · exp(τ² θ̂² / (2 V (V + τ²))),   V = p̂_c(1 − p̂_c)/n_c + p̂_t(1 − p̂_t)/n_t,
/// and by Ville's inequality P(Λ ever exceeds 1/α) ≤ α under the null, so p = min(1, 1/Λ) may be checked
/// daily. Inverting the same bound gives the confidence sequence θ̂ ± √(V(V + τ²)/τ² · (2 ln(1/α) + ln((V + τ²)/V))).
/// The guarantee is asymptotic: it rests on the normal approximation, as the paper's does.
/// </summary>
public static class MixtureSequentialTest
{
    /// <summary>Default τ as a share of the pooled conversion rate: the effects we hope to find are lifts of about ±10%.</summary>
    public const double DefaultRelativeMixtureScale = 0.1;

    /// <param name="controlSuccesses">Control conversions.</param>
    /// <param name="controlTrials">Control exposures.</param>
    /// <param name="treatmentSuccesses">Treatment conversions.</param>
    /// <param name="treatmentTrials">Treatment exposures.</param>
    /// <param name="alpha">The false-positive rate to hold across all looks.</param>
    /// <param name="mixtureStandardDeviation">τ on the scale of the difference; by default 10% of the pooled rate.</param>
    public static SequentialResult Evaluate(
        long controlSuccesses,
        long controlTrials,
        long treatmentSuccesses,
        long treatmentTrials,
        double alpha = 0.05,
        double? mixtureStandardDeviation = null)
    {
        if (!(alpha > 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Alpha must lie strictly between 0 and 1.");
        }

        if (controlTrials <= 0 || treatmentTrials <= 0)
        {
            return new SequentialResult(1, new Estimate(0, -1, 1), false);
        }

        var pc = (double)controlSuccesses / controlTrials;
        var pt = (double)treatmentSuccesses / treatmentTrials;
        var difference = pt - pc;
        var v = (pc * (1 - pc) / controlTrials) + (pt * (1 - pt) / treatmentTrials);
        var pooled = (double)(controlSuccesses + treatmentSuccesses) / (controlTrials + treatmentTrials);
        var tau = mixtureStandardDeviation ?? (DefaultRelativeMixtureScale * pooled);
        if (v <= 0 || !(tau > 0))
        {
            return new SequentialResult(1, new Estimate(difference, -1, 1), false);
        }

        var tauSquared = tau * tau;
        var logLambda = (0.5 * Math.Log(v / (v + tauSquared))) + (tauSquared * difference * difference / (2 * v * (v + tauSquared)));
        var pValue = Math.Min(1, Math.Exp(-logLambda));
        var half = Math.Sqrt(v * (v + tauSquared) / tauSquared * ((2 * Math.Log(1 / alpha)) + Math.Log((v + tauSquared) / v)));
        return new SequentialResult(pValue, new Estimate(difference, difference - half, difference + half), pValue < alpha);
    }
}
