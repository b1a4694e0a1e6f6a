using Orleans.Personalization.Analytics.Statistics;

namespace Orleans.Personalization.Analytics.Tests.Statistics;

/// <summary>
/// The tests against published worked examples:
/// [R-t] R's ?t.test example, Student's sleep data: t.test(extra ~ group, data = sleep) prints
///       t = -1.8608, df = 17.776, p-value = 0.07939, 95% CI -3.3654832 0.2054832; t.test(extra[group == 1])
///       prints 95% CI -0.5297804 2.0297804.
/// [Faraway] Faraway, Extending the Linear Model with R (2006), §4.4, the Whickham smoking data (femsmoke):
///       dead 139 of 582 smokers, 230 of 732 non-smokers; Pearson chi-squared 9.121, p = 0.002527 (the
///       two-proportion z-test is the same test, z² = X²).
/// [R-prop] R's ?prop.test example (Fleiss): smokers 83, 90, 129, 70 of patients 86, 93, 136, 82;
///       X-squared = 12.6, df = 3, p-value = 0.005585.
/// [Newcombe] Newcombe, Statistics in Medicine 17 (1998) 857–872, Table II, method 3 (Wilson score).
/// </summary>
public sealed class HypothesisTestTests
{
    private static readonly double[] SleepDrug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    private static readonly double[] SleepDrug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

    [Fact]
    public void WelchTestReproducesRsSleepExample()
    {
        // R subtracts group 2 from group 1; here control is group 2 and treatment group 1, giving the same sign.
        var result = WelchTTest.Run(SampleSummary.Of(SleepDrug2), SampleSummary.Of(SleepDrug1))!;

        Assert.Equal(-1.8608, result.T, 1e-4);                 // [R-t]
        Assert.Equal(17.776, result.DegreesOfFreedom, 1e-3);   // [R-t]
        Assert.Equal(0.07939, result.PValue, 1e-5);            // [R-t]
        Assert.Equal(-1.58, result.Difference.Value, 1e-12);   // 0.75 − 2.33
        Assert.Equal(-3.3654832, result.Difference.Lower, 1e-6); // [R-t]
        Assert.Equal(0.2054832, result.Difference.Upper, 1e-6);  // [R-t]
    }

    [Fact]
    public void WelchTestNeedsTwoValuesPerGroupAndSomeVariance()
    {
        Assert.Null(WelchTTest.Run(SampleSummary.Of([1.0]), SampleSummary.Of([1.0, 2.0])));
        Assert.Null(WelchTTest.Run(SampleSummary.Of([3.0, 3.0]), SampleSummary.Of([3.0, 3.0])));
    }

    [Fact]
    public void MeanIntervalReproducesRsOneSampleSleepExample()
    {
        var interval = ConfidenceIntervals.Mean(SampleSummary.Of(SleepDrug1))!;

        Assert.Equal(0.75, interval.Value, 1e-12);
        Assert.Equal(-0.5297804, interval.Lower, 1e-6); // [R-t]
        Assert.Equal(2.0297804, interval.Upper, 1e-6);  // [R-t]
    }

    [Fact]
    public void TwoProportionZTestReproducesThePublishedSmokingExample()
    {
        var result = TwoProportionZTest.Run(controlSuccesses: 230, controlTrials: 732, treatmentSuccesses: 139, treatmentTrials: 582);

        Assert.Equal(9.121, result.Z * result.Z, 1e-3);  // [Faraway] X² = 9.121
        Assert.True(result.Z < 0);                       // smokers died less often: 23.9% against 31.4%
        Assert.Equal(0.002527, result.PValue, 1e-6);     // [Faraway]
    }

    [Fact]
    public void TwoProportionIntervalUsesTheUnpooledStandardError()
    {
        // Hand-derived: 60/100 against 50/100. Difference 0.10; unpooled SE = √(0.6·0.4/100 + 0.5·0.5/100)
        // = √0.0049 = 0.07; half-width 1.959964 × 0.07 = 0.137198. Pooled SE = √(0.55·0.45·0.02) = 0.0703562,
        // z = 0.10 / 0.0703562 = 1.421338.
        var result = TwoProportionZTest.Run(50, 100, 60, 100);

        Assert.Equal(1.421338, result.Z, 1e-6);
        Assert.Equal(0.10 - (1.959963984540054 * 0.07), result.Difference.Lower, 1e-9);
        Assert.Equal(0.10 + (1.959963984540054 * 0.07), result.Difference.Upper, 1e-9);
    }

    [Fact]
    public void ChiSquaredDistributionReproducesRsPropTestExample()
    {
        long[] smokers = [83, 90, 129, 70];
        long[] patients = [86, 93, 136, 82];
        // Pearson's statistic for the 4 × 2 table, computed the textbook way: Σ (O − E)² / E.
        var rate = (double)smokers.Sum() / patients.Sum();
        var statistic = smokers.Zip(patients).Sum(p =>
            (Math.Pow(p.First - (p.Second * rate), 2) / (p.Second * rate))
            + (Math.Pow(p.Second - p.First - (p.Second * (1 - rate)), 2) / (p.Second * (1 - rate))));

        Assert.Equal(12.6, statistic, 1e-2);                                    // [R-prop]
        Assert.Equal(0.005585, ChiSquaredDistribution.Survival(statistic, 3), 1e-6); // [R-prop]
    }

    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)] // [Newcombe] Table II
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void WilsonIntervalMatchesNewcombesTable(long successes, long trials, double lower, double upper)
    {
        var interval = ConfidenceIntervals.Wilson(successes, trials);

        Assert.Equal(lower, interval.Lower, 5e-5);
        Assert.Equal(upper, interval.Upper, 5e-5);
    }

    [Fact]
    public void RatioIntervalUsesTheDeltaMethodOverUnits()
    {
        // Hand-derived: three shoppers with (revenue, orders) (10, 1), (30, 2), (20, 1).
        // x̄ = 4/3, ȳ = 20, r = 15. s²_x = 1/3, s²_y = 100, s_xy = ((−1/3)(−10) + (2/3)(10) + (−1/3)(0)) / 2 = 5.
        // Var(r) ≈ (100 − 2·15·5 + 225·(1/3)) / (3 · 16/9) = 25 / (16/3) = 4.6875; SE = 2.165064.
        var interval = ConfidenceIntervals.Ratio([(10.0, 1.0), (30.0, 2.0), (20.0, 1.0)])!;

        Assert.Equal(15, interval.Value, 1e-12);
        Assert.Equal(15 - (1.959963984540054 * Math.Sqrt(4.6875)), interval.Lower, 1e-9);
        Assert.Null(ConfidenceIntervals.Ratio([(0.0, 0.0), (0.0, 0.0)]));
    }

    [Fact]
    public void GoodnessOfFitReproducesRsChisqTestExamples()
    {
        var equal = ChiSquaredGoodnessOfFit.Test([20, 15, 25], [1, 1, 1]);
        var weighted = ChiSquaredGoodnessOfFit.Test([89, 37, 30, 28, 2], [40, 20, 20, 15, 5]);

        Assert.Equal(2.5, equal.Statistic, 1e-12);                  // [R] ?chisq.test
        Assert.Equal(2, equal.DegreesOfFreedom);
        Assert.Equal(0.28650479686019009, equal.PValue, 1e-12);
        Assert.Equal(9.9901433691756267, weighted.Statistic, 1e-10); // [R] ?chisq.test, rescale.p = TRUE
        Assert.Equal(0.040594043344781221, weighted.PValue, 1e-12);
    }
}
