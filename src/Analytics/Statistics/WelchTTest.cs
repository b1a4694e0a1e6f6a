namespace Orleans.Personalization.Analytics.Statistics;

/// <summary>Welch's unequal-variance t-test of equal means, for revenue per shopper.</summary>
public static class WelchTTest
{
    /// <summary>Null when a group has fewer than two values or both groups have no variance.</summary>
    public static TTestResult? Run(SampleSummary control, SampleSummary treatment, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(treatment);
        ConfidenceIntervals.ThrowIfInvalid(confidence);
        if (control.Count < 2 || treatment.Count < 2)
        {
            return null;
        }

        var vc = control.Variance / control.Count;
        var vt = treatment.Variance / treatment.Count;
        var error = Math.Sqrt(vc + vt);
        if (error == 0)
        {
            return null;
        }

        var difference = treatment.Mean - control.Mean;
        var t = difference / error;
        var df = (vc + vt) * (vc + vt) / ((vc * vc / (control.Count - 1)) + (vt * vt / (treatment.Count - 1)));
        var half = StudentTDistribution.Quantile(0.5 + (confidence / 2), df) * error;
        return new TTestResult(t, df, StudentTDistribution.TwoSidedPValue(t, df), new Estimate(difference, difference - half, difference + half));
    }
}
