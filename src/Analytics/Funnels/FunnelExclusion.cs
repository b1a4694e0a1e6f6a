namespace Orleans.Personalization.Analytics.Funnels;

/// <summary>
/// An event that disqualifies an attempt when it happens after the attempt reached step
/// <paramref name="FromStep"/> and before it reached step <paramref name="ToStep"/> (zero-based); when the
/// attempt never reached <paramref name="ToStep"/>, any time after <paramref name="FromStep"/> within the
/// conversion window counts. The whole attempt is removed, as PostHog removes it, so it counts for no step.
/// </summary>
public sealed record FunnelExclusion(string Event, int FromStep, int ToStep)
{
    public IReadOnlyList<PropertyFilter>? Filters { get; init; }
}
