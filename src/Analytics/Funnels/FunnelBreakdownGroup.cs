namespace Orleans.Personalization.Analytics.Funnels;

/// <summary>The funnel for the people whose breakdown value is <paramref name="Value"/>.</summary>
public sealed record FunnelBreakdownGroup(string Value, IReadOnlyList<FunnelStepResult> Steps, TimeToConvert? TimeToComplete);
