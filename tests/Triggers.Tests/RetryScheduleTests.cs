using Orleans.Personalization.Triggers.Webhooks;

namespace Orleans.Personalization.Triggers.Tests;

public sealed class RetryScheduleTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(1);

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(4, 40)]
    [InlineData(5, 60)]
    [InlineData(30, 60)]
    public void WaitDoublesAfterEachFailureUpToTheMaximum(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetrySchedule.DelayAfter(failures, Base, Max, random: 1));

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(0.5, 0.75)]
    [InlineData(1, 1)]
    public void JitterKeepsTheWaitBetweenHalfAndAllOfTheBackoff(double random, double share) =>
        Assert.Equal(TimeSpan.FromSeconds(20 * share), RetrySchedule.DelayAfter(3, Base, Max, random));
}
