namespace Orleans.Personalization.Analytics.Funnels;

/// <summary>
/// The attempt counted for one person: the furthest step it reached (zero-based), when it reached each step,
/// and the breakdown value taken from its first event.
/// </summary>
internal sealed record PersonFunnelOutcome(int Reached, long[] StepTicks, string? Breakdown);
