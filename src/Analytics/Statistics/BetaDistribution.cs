namespace Orleans.Personalization.Analytics.Statistics;

/// <summary>The Beta(α, β) distribution, the posterior of a conversion rate.</summary>
public static class BetaDistribution
{
    public static double Cdf(double x, double alpha, double beta)
    {
        ThrowIfInvalid(alpha, beta);
        return SpecialFunctions.BetaRegularized(x, alpha, beta);
    }

    public static double Quantile(double p, double alpha, double beta)
    {
        ThrowIfInvalid(alpha, beta);
        if (double.IsNaN(p) || p < 0 || p > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability must lie in [0, 1].");
        }

        return MonotoneInverse.Solve(x => SpecialFunctions.BetaRegularized(x, alpha, beta), p, 0, 1);
    }

    public static double Mean(double alpha, double beta) => alpha / (alpha + beta);

    public static double Variance(double alpha, double beta) =>
        alpha * beta / ((alpha + beta) * (alpha + beta) * (alpha + beta + 1));

    private static void ThrowIfInvalid(double alpha, double beta)
    {
        if (!(alpha > 0) || !(beta > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), $"Beta parameters must be positive, got ({alpha}, {beta}).");
        }
    }
}
