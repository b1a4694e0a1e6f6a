namespace Orleans.Personalization.Analytics.Funnels;

/// <summary>
/// A funnel's answer. Breakdown groups partition the people of <see cref="Steps"/>: each person is in exactly
/// one group, so group counts add up to the totals. Groups are ordered by people entering, then by value.
/// </summary>
/// <param name="Order">The order the steps were matched in.</param>
/// <param name="Window">The conversion window used.</param>
/// <param name="Steps">Figures per step, over all people.</param>
/// <param name="TimeToComplete">Time from the first to the last step, over the people who completed the funnel.</param>
/// <param name="Breakdown">Figures per breakdown value; empty without a breakdown.</param>
public sealed record FunnelResult(
    FunnelOrder Order,
    TimeSpan Window,
    IReadOnlyList<FunnelStepResult> Steps,
    TimeToConvert? TimeToComplete,
    IReadOnlyList<FunnelBreakdownGroup> Breakdown);
