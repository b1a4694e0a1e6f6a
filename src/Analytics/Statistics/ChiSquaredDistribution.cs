namespace Orleans.Personalization.Analytics.Statistics;

/// <summary>The chi-squared distribution with k degrees of freedom: a Gamma(k/2, 2) distribution.</summary>
public static class ChiSquaredDistribution
{
    public static double Cdf(double x, double degreesOfFreedom)
    {
        ThrowIfInvalid(degreesOfFreedom);
        return SpecialFunctions.GammaP(0.5 * degreesOfFreedom, 0.5 * x);
    }

    /// <summary>P(X ≥ x): the p-value of a chi-squared statistic, accurate far into the tail.</summary>
    public static double Survival(double x, double degreesOfFreedom)
    {
        ThrowIfInvalid(degreesOfFreedom);
        return SpecialFunctions.GammaQ(0.5 * degreesOfFreedom, 0.5 * x);
    }

    public static double Quantile(double p, double degreesOfFreedom)
    {
        ThrowIfInvalid(degreesOfFreedom);
        if (double.IsNaN(p) || p < 0 || p >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability must lie in [0, 1).");
        }

        double Cdf(double x) => ChiSquaredDistribution.Cdf(x, degreesOfFreedom);
        var high = MonotoneInverse.UpperBracket(Cdf, p, degreesOfFreedom + (10 * Math.Sqrt(2 * degreesOfFreedom)));
        return MonotoneInverse.Solve(Cdf, p, 0, high);
    }

    private static void ThrowIfInvalid(double degreesOfFreedom)
    {
        if (!(degreesOfFreedom > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "Degrees of freedom must be positive.");
        }
    }
}
