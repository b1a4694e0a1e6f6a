namespace Orleans.Personalization.Analytics.Statistics;

/// <summary>The standard normal distribution.</summary>
public static class NormalDistribution
{
    private static readonly double InverseSqrtTwoPi = 1 / Math.Sqrt(2 * Math.PI);

    public static double Density(double z) => InverseSqrtTwoPi * Math.Exp(-0.5 * z * z);

    /// <summary>Φ(z), through erfc(y) = Q(½, y²) so that the lower tail keeps its relative accuracy.</summary>
    public static double Cdf(double z)
    {
        if (double.IsNaN(z))
        {
            return double.NaN;
        }

        var halfTail = 0.5 * SpecialFunctions.GammaQ(0.5, 0.5 * z * z);
        return z < 0 ? halfTail : 1 - halfTail;
    }

    /// <summary>1 − Φ(z), accurate for large z.</summary>
    public static double Survival(double z) => Cdf(-z);

    /// <summary>Φ⁻¹(p): Abramowitz and Stegun 26.2.23 as a start (error below 4.5e-4), then Newton steps on the lower tail.</summary>
    public static double Quantile(double p)
    {
        if (double.IsNaN(p) || p < 0 || p > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability must lie in [0, 1].");
        }

        if (p == 0)
        {
            return double.NegativeInfinity;
        }

        if (p == 1)
        {
            return double.PositiveInfinity;
        }

        var q = Math.Min(p, 1 - p);
        var t = Math.Sqrt(-2 * Math.Log(q));
        var x = -(t - ((2.515517 + (0.802853 * t) + (0.010328 * t * t)) / (1 + (1.432788 * t) + (0.189269 * t * t) + (0.001308 * t * t * t))));
        // Newton converges quadratically from the 4.5e-4 start: once a step is below 1e-12 the step just
        // taken has brought x to machine precision, and asking for less would chase rounding noise.
        for (var i = 0; i < 20; i++)
        {
            var step = (Cdf(x) - q) / Density(x);
            x -= step;
            if (Math.Abs(step) <= 1e-12 * Math.Max(1, Math.Abs(x)))
            {
                break;
            }
        }

        return p < 0.5 ? x : -x;
    }
}
