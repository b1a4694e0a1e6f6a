namespace Orleans.Personalization.Analytics.Statistics;

/// <summary>Bayesian comparison of two conversion rates with Beta posteriors.</summary>
public static class BayesianComparison
{
    // Above this many terms the exact sum costs more than it is worth; the normal approximation is then
    // accurate to far better than the figures are reported.
    private const double ExactSumLimit = 2_000_000;

    /// <summary>
    /// P(p_treatment &gt; p_control). With whole-number parameters it is the exact finite sum
    /// Σ_{i=0}^{α_T−1} B(α_C + i, β_C + β_T) / ((β_T + i) B(1 + i, β_T) B(α_C, β_C)) (Evan Miller, "Formulas
    /// for Bayesian A/B testing", 2015), summed in log space over the smaller α. Otherwise, or for huge
    /// counts, a normal approximation to the two posteriors.
    /// </summary>
    public static double ChanceToBeat(BetaPosterior control, BetaPosterior treatment)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(treatment);
        var exact = IsWhole(treatment.Alpha) && IsWhole(control.Alpha) && Math.Min(treatment.Alpha, control.Alpha) <= ExactSumLimit;
        if (!exact)
        {
            var z = (treatment.Mean - control.Mean) / Math.Sqrt(treatment.Variance + control.Variance);
            return NormalDistribution.Cdf(z);
        }

        // The sum runs over the treatment's α; P(T > C) = 1 − P(C > T) lets it run over the smaller one.
        return treatment.Alpha <= control.Alpha
            ? Clamp(ExactSum(control, treatment))
            : Clamp(1 - ExactSum(treatment, control));
    }

    /// <summary>A credible interval for p_treatment − p_control, from normal approximations to the posteriors.</summary>
    public static Estimate DifferenceInterval(BetaPosterior control, BetaPosterior treatment, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(treatment);
        ConfidenceIntervals.ThrowIfInvalid(level);
        var difference = treatment.Mean - control.Mean;
        var half = NormalDistribution.Quantile(0.5 + (level / 2)) * Math.Sqrt(treatment.Variance + control.Variance);
        return new Estimate(difference, difference - half, difference + half);
    }

    /// <summary>
    /// P(B &gt; A) by the sum above. Successive terms differ by the factor
    /// (α_A + i)(β_B + i) / ((α_A + β_A + β_B + i)(1 + i)), and the first is B(α_A, β_A + β_B) / B(α_A, β_A).
    /// </summary>
    private static double ExactSum(BetaPosterior a, BetaPosterior b)
    {
        var logTerm = SpecialFunctions.LogBeta(a.Alpha, a.Beta + b.Beta) - SpecialFunctions.LogBeta(a.Alpha, a.Beta);
        var logScale = logTerm;
        var scaledSum = 1.0;
        for (var i = 0; i < b.Alpha - 1; i++)
        {
            logTerm += Math.Log((a.Alpha + i) * (b.Beta + i) / ((a.Alpha + a.Beta + b.Beta + i) * (1.0 + i)));
            if (logTerm > logScale)
            {
                scaledSum = (scaledSum * Math.Exp(logScale - logTerm)) + 1;
                logScale = logTerm;
            }
            else
            {
                scaledSum += Math.Exp(logTerm - logScale);
            }
        }

        return Math.Exp(logScale + Math.Log(scaledSum));
    }

    private static bool IsWhole(double value) => value == Math.Floor(value);

    private static double Clamp(double p) => Math.Clamp(p, 0, 1);
}
