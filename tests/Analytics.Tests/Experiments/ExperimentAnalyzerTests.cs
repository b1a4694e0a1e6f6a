using Orleans.Personalization.Analytics.Experiments;
using Orleans.Personalization.Analytics.Statistics;

namespace Orleans.Personalization.Analytics.Tests.Experiments;

public sealed class ExperimentAnalyzerTests
{
    private static readonly ExperimentDefinition Button = new("checkout-button", [new("control", 50), new("green", 50)]);

    /// <summary>n shoppers of a variant, the first <paramref name="buyers"/> of whom placed one order of <paramref name="orderValue"/>.</summary>
    private static IEnumerable<ExperimentObservation> Shoppers(string variant, int n, int buyers, double orderValue, int version = 1) =>
        Enumerable.Range(0, n).Select(i => new ExperimentObservation($"{variant}-{version}-{i}", variant, version, i < buyers ? 1 : 0, i < buyers ? orderValue : 0));

    [Fact]
    public void ReportCountsExposuresAndConversionsPerVariantWithIntervals()
    {
        var observations = new ExperimentObservations([.. Shoppers("control", 1000, 100, 50), .. Shoppers("green", 1000, 130, 60)]);

        var report = ExperimentAnalyzer.Analyze([Button], observations);

        var control = report.Variants[0];
        var green = report.Variants[1];
        Assert.Equal((1000, 100, 100), (control.Exposures, control.Conversions, control.Orders));
        Assert.Equal(ConfidenceIntervals.Wilson(130, 1000), green.ConversionRate);
        Assert.Equal(130 * 60.0, green.Revenue);
        Assert.Equal(7.8, green.RevenuePerShopper!.Value, 1e-12);   // 7,800 / 1,000 shoppers
        Assert.Equal(60, green.AverageOrderValue!.Value, 1e-12);    // 7,800 / 130 orders
        Assert.Equal(131.0 / 1002, green.PosteriorRate.Value, 1e-12); // Beta(1 + 130, 1 + 870) mean
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void ComparisonRunsEachTestAgainstTheControl()
    {
        var observations = new ExperimentObservations([.. Shoppers("control", 1000, 100, 50), .. Shoppers("green", 1000, 130, 60)]);

        var comparison = Assert.Single(ExperimentAnalyzer.Analyze([Button], observations).Comparisons);

        Assert.Equal(("green", "control"), (comparison.Variant, comparison.Control));
        Assert.Equal(TwoProportionZTest.Run(100, 1000, 130, 1000), comparison.Conversion);
        Assert.Equal(0.03, comparison.Conversion.Difference.Value, 1e-12);
        Assert.True(comparison.Conversion.PValue < 0.05);
        Assert.True(comparison.RevenuePerShopper!.Difference.Value > 0);
        Assert.Equal(
            BayesianComparison.ChanceToBeat(BetaPosterior.FromCounts(100, 1000), BetaPosterior.FromCounts(130, 1000)),
            comparison.ChanceToBeatControl);
        Assert.True(comparison.ChanceToBeatControl > 0.97);
        Assert.Equal(MixtureSequentialTest.Evaluate(100, 1000, 130, 1000), comparison.Sequential);
    }

    [Fact]
    public void SampleRatioMismatchIsFlaggedBelowOneInAThousand()
    {
        // 600 against 400 where 50/50 was intended: χ² = 2 · 100² / 500 = 40 on 1 df, p = erfc(√20) ≈ 2.5e-10.
        var observations = new ExperimentObservations([.. Shoppers("control", 600, 60, 50), .. Shoppers("green", 400, 40, 50)]);

        var report = ExperimentAnalyzer.Analyze([Button], observations);

        Assert.True(report.SampleRatio.Checked);
        Assert.True(report.SampleRatio.Mismatch);
        Assert.Equal(40, report.SampleRatio.Test!.Statistic, 1e-9);
        Assert.Equal(ExperimentWarning.SampleRatioMismatch, report.Warnings[0].Code);
    }

    [Fact]
    public void SampleRatioIsNotJudgedBeforeOneHundredExposures()
    {
        // 70 against 20 would fail the check (χ² = 27.8), but 90 exposures are too few to judge.
        var observations = new ExperimentObservations([.. Shoppers("control", 70, 10, 50), .. Shoppers("green", 20, 2, 50)]);

        var report = ExperimentAnalyzer.Analyze([Button], observations);

        Assert.False(report.SampleRatio.Checked);
        Assert.False(report.SampleRatio.Mismatch);
        Assert.True(report.SampleRatio.Test!.PValue < 0.001);
    }

    [Fact]
    public void SampleRatioExpectsEachVersionsWeightsForTheShoppersAssignedUnderIt()
    {
        // v1 split 500/500 at 50/50; v2 re-weighted to 80/20 and split 800/200. Expected 1,300 / 700: no mismatch,
        // though the latest weights alone would expect 1,600 / 400.
        var v2 = Button with { Version = 2, Variants = [new("control", 80), new("green", 20)] };
        var observations = new ExperimentObservations(
        [
            .. Shoppers("control", 500, 50, 50), .. Shoppers("green", 500, 50, 50),
            .. Shoppers("control", 800, 80, 50, version: 2), .. Shoppers("green", 200, 20, 50, version: 2),
        ]);

        var report = ExperimentAnalyzer.Analyze([Button, v2], observations);

        Assert.False(report.SampleRatio.Mismatch);
        Assert.Equal(0, report.SampleRatio.Test!.Statistic, 1e-9);
        Assert.Equal([0.65, 0.35], report.SampleRatio.ExpectedShares.Select(s => Math.Round(s, 12)));
    }

    [Fact]
    public void SmallSamplesCarryWarningsRatherThanConclusions()
    {
        var observations = new ExperimentObservations([.. Shoppers("control", 20, 2, 50), .. Shoppers("green", 25, 1, 50)], CrossoverShoppers: 1);

        var codes = ExperimentAnalyzer.Analyze([Button], observations).Warnings.Select(w => (w.Code, w.Variant)).ToArray();

        Assert.Contains((ExperimentWarning.TooFewExposures, "control"), codes);
        Assert.Contains((ExperimentWarning.TooFewExposures, "green"), codes);
        Assert.Contains((ExperimentWarning.TooFewConversions, "green"), codes);
        Assert.Contains((ExperimentWarning.Crossover, null), codes);
    }

    [Fact]
    public void VariantWithoutExposuresGetsNoComparison()
    {
        var report = ExperimentAnalyzer.Analyze([Button], new ExperimentObservations([.. Shoppers("control", 200, 20, 50)]));

        Assert.Empty(report.Comparisons);
        Assert.Equal(0, report.Variants[1].Exposures);
        Assert.Contains(report.Warnings, w => w.Code == ExperimentWarning.TooFewOrders && w.Variant == "green");
    }
}
