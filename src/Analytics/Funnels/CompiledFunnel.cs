namespace Orleans.Personalization.Analytics.Funnels;

/// <summary>A validated definition prepared for matching: step and exclusion matchers indexed by event name.</summary>
internal sealed class CompiledFunnel
{
    private readonly Dictionary<string, EventMatcher[]> _byName;
    private readonly Breakdown? _eventBreakdown;

    private CompiledFunnel(FunnelDefinition definition)
    {
        Definition = definition;
        StepCount = definition.Steps.Count;
        WindowTicks = definition.Window.Ticks;
        Exclusions = definition.Exclusions ?? [];
        _eventBreakdown = definition.Breakdown is { IsPersonLevel: false } b ? b : null;

        var matchers = definition.Steps
            .Select((s, i) => new EventMatcher(s.Event, s.Filters ?? [], i, IsExclusion: false))
            .Concat(Exclusions.Select((x, i) => new EventMatcher(x.Event, x.Filters ?? [], i, IsExclusion: true)));
        _byName = matchers.GroupBy(m => m.Event, StringComparer.Ordinal)
                          .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public FunnelDefinition Definition { get; }

    public int StepCount { get; }

    public long WindowTicks { get; }

    public IReadOnlyList<FunnelExclusion> Exclusions { get; }

    /// <summary>Strict funnels must see every event, since any event between two steps breaks the attempt.</summary>
    public bool KeepsUnmatchedEvents => Definition.Order == FunnelOrder.Strict;

    public static CompiledFunnel Compile(FunnelDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        InvalidDefinitionException.ThrowIfAny(definition.Validate());
        return new CompiledFunnel(definition);
    }

    public IFunnelMatcher CreateMatcher() => Definition.Order switch
    {
        FunnelOrder.Strict => new StrictMatcher(this),
        FunnelOrder.Unordered => new UnorderedMatcher(this),
        _ => new OrderedMatcher(this),
    };

    /// <summary>True when an entry can start an attempt: the first step, or in unordered funnels any step.</summary>
    public bool IsAnchor(uint steps) => Definition.Order == FunnelOrder.Unordered ? steps != 0 : (steps & 1u) != 0;

    /// <summary>Reduces an event to an entry; false when the event can play no part in this funnel.</summary>
    public bool TryCreateEntry(AnalyticsEvent analyticsEvent, long sequence, out FunnelEntry entry)
    {
        uint steps = 0, exclusions = 0;
        if (_byName.TryGetValue(analyticsEvent.Name, out var candidates))
        {
            foreach (var candidate in candidates)
            {
                if (!candidate.Matches(analyticsEvent.Properties))
                {
                    continue;
                }

                if (candidate.IsExclusion)
                {
                    exclusions |= 1u << candidate.Index;
                }
                else
                {
                    steps |= 1u << candidate.Index;
                }
            }
        }

        if (steps == 0 && exclusions == 0 && !KeepsUnmatchedEvents)
        {
            entry = default;
            return false;
        }

        var breakdown = _eventBreakdown is not null && IsAnchor(steps) ? _eventBreakdown.ValueOf(analyticsEvent) : null;
        entry = new FunnelEntry(analyticsEvent.Timestamp.UtcTicks, sequence, steps, exclusions, breakdown);
        return true;
    }

    private sealed record EventMatcher(string Event, IReadOnlyList<PropertyFilter> Filters, int Index, bool IsExclusion)
    {
        public bool Matches(IReadOnlyDictionary<string, string> properties)
        {
            for (var i = 0; i < Filters.Count; i++)
            {
                if (!Filters[i].Matches(properties))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
