namespace Orleans.Personalization.Analytics.Funnels;

/// <summary>Runs a funnel over a batch of events in one pass; see <see cref="LiveFunnel"/> for an incremental funnel.</summary>
public static class FunnelEngine
{
    /// <summary>
    /// Computes the funnel. Events may arrive in any order; each person's events are ordered by timestamp,
    /// ties by their position in <paramref name="events"/>, so the same events give the same answer.
    /// </summary>
    /// <param name="definition">The funnel to compute.</param>
    /// <param name="events">The events, in any order.</param>
    /// <param name="identities">When given, events of merged ids count as one person.</param>
    /// <param name="attributes">Needed for person-level breakdowns (trait, experiment variant).</param>
    /// <exception cref="InvalidDefinitionException">The definition does not validate.</exception>
    public static FunnelResult Run(
        FunnelDefinition definition,
        IReadOnlyList<AnalyticsEvent> events,
        IdentityGraph? identities = null,
        IPersonAttributes? attributes = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        var funnel = CompiledFunnel.Compile(definition);

        var people = new Dictionary<string, int>(StringComparer.Ordinal);
        var personIds = new List<string>();
        var entries = new FunnelEntry[events.Count];
        var owners = new int[events.Count];
        var kept = 0;
        for (var i = 0; i < events.Count; i++)
        {
            var analyticsEvent = events[i];
            if (!funnel.TryCreateEntry(analyticsEvent, i, out var entry))
            {
                continue;
            }

            var person = identities?.Resolve(analyticsEvent.PersonId) ?? analyticsEvent.PersonId;
            if (!people.TryGetValue(person, out var index))
            {
                index = personIds.Count;
                people.Add(person, index);
                personIds.Add(person);
            }

            entries[kept] = entry;
            owners[kept++] = index;
        }

        var (grouped, starts) = GroupByPerson(entries, owners, kept, personIds.Count);
        var matcher = funnel.CreateMatcher();
        var outcomes = new List<KeyValuePair<string, PersonFunnelOutcome>>();
        for (var p = 0; p < personIds.Count; p++)
        {
            var span = grouped.AsSpan(starts[p], starts[p + 1] - starts[p]);
            SortByTime(span);
            if (matcher.Evaluate(span) is { } outcome)
            {
                outcomes.Add(new(personIds[p], outcome));
            }
        }

        return FunnelAggregator.Aggregate(funnel, outcomes, attributes);
    }

    /// <summary>A counting sort by person: linear, and it keeps each person's entries in input order.</summary>
    private static (FunnelEntry[] Grouped, int[] Starts) GroupByPerson(FunnelEntry[] entries, int[] owners, int count, int peopleCount)
    {
        var starts = new int[peopleCount + 1];
        for (var i = 0; i < count; i++)
        {
            starts[owners[i] + 1]++;
        }

        for (var p = 0; p < peopleCount; p++)
        {
            starts[p + 1] += starts[p];
        }

        var cursor = starts[..peopleCount];
        var grouped = new FunnelEntry[count];
        for (var i = 0; i < count; i++)
        {
            grouped[cursor[owners[i]]++] = entries[i];
        }

        return (grouped, starts);
    }

    internal static void SortByTime(Span<FunnelEntry> span)
    {
        for (var i = 1; i < span.Length; i++)
        {
            if (FunnelEntry.Compare(span[i - 1], span[i]) > 0)
            {
                span.Sort(FunnelEntry.Compare);
                return;
            }
        }
    }
}
