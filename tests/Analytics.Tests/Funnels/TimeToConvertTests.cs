using Orleans.Personalization.Analytics.Funnels;
using static Orleans.Personalization.Analytics.Tests.TestData.Shop;

namespace Orleans.Personalization.Analytics.Tests.Funnels;

public sealed class TimeToConvertTests
{
    [Fact]
    public void StepTimesRunFromThePreviousStepOfTheSameAttempt()
    {
        AnalyticsEvent[] events =
        [
            Event("alice", Viewed, Min(0)), Event("alice", Added, Min(10)), Event("alice", Purchased, Min(70)),
            Event("bob", Viewed, Min(0)), Event("bob", Added, Min(30)),
        ];

        var result = FunnelEngine.Run(Funnel(Viewed, Added, Purchased), events);

        Assert.Null(result.Steps[0].TimeFromPreviousStep);
        // View → add took 10 and 30 minutes: the median of two is their mean, 20.
        Assert.Equal(Min(20), result.Steps[1].TimeFromPreviousStep!.Median);
        Assert.Equal(2, result.Steps[1].TimeFromPreviousStep!.Count);
        Assert.Equal(Min(60), result.Steps[2].TimeFromPreviousStep!.Median);
        Assert.Equal(Min(70), result.TimeToComplete!.Median);
    }

    [Fact]
    public void DistributionReportsInterpolatedPercentilesAndAHistogram()
    {
        // Five people converting after 1, 2, 3, 4 and 100 minutes.
        double[] minutes = [1, 2, 3, 4, 100];
        var events = minutes.SelectMany((m, i) => new[] { Event($"p{i}", Viewed, Min(0)), Event($"p{i}", Added, Min(m)) }).ToArray();

        var time = FunnelEngine.Run(Funnel(Viewed, Added), events).Steps[1].TimeFromPreviousStep!;

        // Type-7 percentiles over sorted [1, 2, 3, 4, 100]: h = (n - 1) p.
        Assert.Equal(Min(3), time.Median);                 // h = 2
        Assert.Equal(Min(2), time.P25);                    // h = 1
        Assert.Equal(Min(4), time.P75);                    // h = 3
        Assert.Equal(Min(4 + (0.6 * 96)), time.P90);       // h = 3.6: 4 + 0.6 × (100 − 4) = 61.6
        Assert.Equal(Min(22), time.Mean);                  // 110 / 5
        Assert.Equal(Min(1), time.Min);
        Assert.Equal(Min(100), time.Max);
        var bars = time.Histogram.ToDictionary(b => b.Label, b => b.Count);
        Assert.Equal(1, bars["≤ 1 min"]);                  // exactly one minute falls in the first, inclusive bucket
        Assert.Equal(3, bars["≤ 10 min"]);
        Assert.Equal(1, bars["≤ 6 h"]);
        Assert.Equal(5, time.Histogram.Sum(b => b.Count));
    }
}
