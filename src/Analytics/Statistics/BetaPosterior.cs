namespace Orleans.Personalization.Analytics.Statistics;

/// <summary>The Beta(α, β) posterior of a conversion rate.</summary>
public sealed record BetaPosterior(double Alpha, double Beta)
{
    /// <summary>The posterior after <paramref name="successes"/> in <paramref name="trials"/> from a Beta(1, 1) (uniform) prior.</summary>
    public static BetaPosterior FromCounts(long successes, long trials, double priorAlpha = 1, double priorBeta = 1) =>
        new(priorAlpha + successes, priorBeta + (trials - successes));

    public double Mean => BetaDistribution.Mean(Alpha, Beta);

    public double Variance => BetaDistribution.Variance(Alpha, Beta);

    /// <summary>The equal-tailed credible interval around the posterior mean.</summary>
    public Estimate CredibleInterval(double level = 0.95)
    {
        ConfidenceIntervals.ThrowIfInvalid(level);
        var tail = (1 - level) / 2;
        return new Estimate(Mean, BetaDistribution.Quantile(tail, Alpha, Beta), BetaDistribution.Quantile(1 - tail, Alpha, Beta));
    }
}
