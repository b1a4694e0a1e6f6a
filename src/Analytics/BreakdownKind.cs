namespace Orleans.Personalization.Analytics;

/// <summary>What a result is broken down by.</summary>
public enum BreakdownKind
{
    /// <summary>A property of the event (funnels: the first step's event; metrics: the session's first event).</summary>
    EventProperty,

    /// <summary>A trait of the person (from identify calls), looked up in <see cref="IPersonAttributes"/>.</summary>
    Trait,
    UtmSource,
    UtmMedium,
    UtmCampaign,
    Device,

    /// <summary>The variant the person was assigned in the experiment named by <see cref="Breakdown.Key"/>.</summary>
    ExperimentVariant,
}
