namespace Orleans.Personalization.Analytics.Funnels;

/// <summary>One funnel step: an event name plus property filters that must all hold.</summary>
public sealed record FunnelStep(string Event, IReadOnlyList<PropertyFilter>? Filters = null, string? Label = null)
{
    public const int MaxFilters = 20;

    internal string DisplayName => Label ?? Event;
}
