namespace Orleans.Personalization.Analytics.Statistics;

/// <summary>Student's t distribution with real (Welch's fractional) degrees of freedom.</summary>
public static class StudentTDistribution
{
    /// <summary>P(T ≤ t) = 1 − ½ I_{ν/(ν+t²)}(ν/2, ½) for t &gt; 0, and symmetric.</summary>
    public static double Cdf(double t, double degreesOfFreedom)
    {
        ThrowIfInvalid(degreesOfFreedom);
        if (double.IsNaN(t))
        {
            return double.NaN;
        }

        if (double.IsInfinity(t))
        {
            return t > 0 ? 1 : 0;
        }

        var x = degreesOfFreedom / (degreesOfFreedom + (t * t));
        var tail = 0.5 * SpecialFunctions.BetaRegularized(x, 0.5 * degreesOfFreedom, 0.5);
        return t > 0 ? 1 - tail : tail;
    }

    /// <summary>The two-sided p-value of a t statistic: P(|T| ≥ |t|).</summary>
    public static double TwoSidedPValue(double t, double degreesOfFreedom) => 2 * Cdf(-Math.Abs(t), degreesOfFreedom);

    public static double Quantile(double p, double degreesOfFreedom)
    {
        ThrowIfInvalid(degreesOfFreedom);
        if (double.IsNaN(p) || p <= 0 || p >= 1)
        {
            return p == 0 ? double.NegativeInfinity : p == 1 ? double.PositiveInfinity : throw new ArgumentOutOfRangeException(nameof(p));
        }

        if (p < 0.5)
        {
            return -Quantile(1 - p, degreesOfFreedom);
        }

        double Cdf(double t) => StudentTDistribution.Cdf(t, degreesOfFreedom);
        var high = MonotoneInverse.UpperBracket(Cdf, p, 2 * NormalDistribution.Quantile(p));
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
