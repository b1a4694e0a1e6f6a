using Orleans.Personalization.Analytics.Statistics;

namespace Orleans.Personalization.Analytics.Tests.Statistics;

public sealed class BayesianComparisonTests
{
    [Fact]
    public void ChanceToBeatMatchesHandIntegratedSmallPosteriors()
    {
        // Treatment Beta(2, 1) (density 2x) against a uniform control: ∫₀¹ 2x · x dx = 2/3.
        Assert.Equal(2.0 / 3, BayesianComparison.ChanceToBeat(new BetaPosterior(1, 1), new BetaPosterior(2, 1)), 1e-14);
        // Treatment Beta(2, 1) against control Beta(1, 2) (density 2(1 − a)):
        // ∫₀¹ 2(1 − a)(1 − a²) da = 2(1 − ½ − ⅓ + ¼) = 5/6.
        Assert.Equal(5.0 / 6, BayesianComparison.ChanceToBeat(new BetaPosterior(1, 2), new BetaPosterior(2, 1)), 1e-14);
        Assert.Equal(1.0 / 6, BayesianComparison.ChanceToBeat(new BetaPosterior(2, 1), new BetaPosterior(1, 2)), 1e-14);
    }

    [Fact]
    public void ChanceToBeatIsOneHalfBetweenIdenticalPosteriors()
    {
        var posterior = BetaPosterior.FromCounts(120, 1000);

        Assert.Equal(0.5, BayesianComparison.ChanceToBeat(posterior, posterior), 1e-12);
    }

    [Fact]
    public void ChanceToBeatAgreesWithTheNormalApproximationForLargeSamples()
    {
        // 1,000 of 10,000 against 1,100 of 10,000: both sums and the approximation land near Φ(2.3).
        var control = BetaPosterior.FromCounts(1000, 10_000);
        var treatment = BetaPosterior.FromCounts(1100, 10_000);
        var z = (treatment.Mean - control.Mean) / Math.Sqrt(treatment.Variance + control.Variance);

        var exact = BayesianComparison.ChanceToBeat(control, treatment);

        Assert.Equal(NormalDistribution.Cdf(z), exact, 2e-3);
        Assert.Equal(1 - exact, BayesianComparison.ChanceToBeat(treatment, control), 1e-12);
    }

    [Fact]
    public void CredibleIntervalComesFromBetaQuantiles()
    {
        // One success in one trial from a uniform prior is Beta(2, 1): quantiles √0.025 and √0.975.
        var interval = BetaPosterior.FromCounts(1, 1).CredibleInterval();

        Assert.Equal(2.0 / 3, interval.Value, 1e-15);
        Assert.Equal(Math.Sqrt(0.025), interval.Lower, 1e-12);
        Assert.Equal(Math.Sqrt(0.975), interval.Upper, 1e-12);
    }
}
