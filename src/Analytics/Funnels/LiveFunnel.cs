using System.Runtime.InteropServices;

namespace Orleans.Personalization.Analytics.Funnels;

/// <summary>
/// A funnel kept up to date as events arrive, for funnels a store looks at often. Each event re-evaluates
/// only its own person (O(that person's events × steps)); a snapshot aggregates the cached per-person
/// outcomes, O(people), without touching events. It gives the same answer as <see cref="FunnelEngine.Run"/>
/// over the same events. Not thread-safe: a grain owns it and calls it one turn at a time.
/// </summary>
public sealed class LiveFunnel
{
    private readonly CompiledFunnel _funnel;
    private readonly IFunnelMatcher _matcher;
    private readonly IPersonAttributes? _attributes;
    private readonly IdentityGraph _identities = new();
    private readonly Dictionary<string, List<FunnelEntry>> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PersonFunnelOutcome> _outcomes = new(StringComparer.Ordinal);
    private long _sequence;

    /// <exception cref="InvalidDefinitionException">The definition does not validate.</exception>
    public LiveFunnel(FunnelDefinition definition, IPersonAttributes? attributes = null)
    {
        _funnel = CompiledFunnel.Compile(definition);
        _matcher = _funnel.CreateMatcher();
        _attributes = attributes;
    }

    public FunnelDefinition Definition => _funnel.Definition;

    /// <summary>Adds one event; it may be late (its timestamp earlier than events already seen).</summary>
    public void Append(AnalyticsEvent analyticsEvent)
    {
        ArgumentNullException.ThrowIfNull(analyticsEvent);
        if (!_funnel.TryCreateEntry(analyticsEvent, _sequence++, out var entry))
        {
            return;
        }

        var person = _identities.Resolve(analyticsEvent.PersonId);
        if (!_entries.TryGetValue(person, out var list))
        {
            list = [];
            _entries[person] = list;
        }

        Insert(list, entry);
        Reevaluate(person, list);
    }

    /// <summary>Merges an anonymous id into a person: their events count as one person from now on, retroactively.</summary>
    public void MergeIdentity(string anonymousId, string personId)
    {
        var from = _identities.Resolve(anonymousId);
        var into = _identities.Merge(anonymousId, personId);
        if (from == into || !_entries.Remove(from, out var moved))
        {
            return;
        }

        _outcomes.Remove(from);
        if (!_entries.TryGetValue(into, out var list))
        {
            list = [];
            _entries[into] = list;
        }

        list.AddRange(moved);
        list.Sort(FunnelEntry.Compare);
        Reevaluate(into, list);
    }

    public FunnelResult Snapshot() => FunnelAggregator.Aggregate(_funnel, _outcomes, _attributes);

    private static void Insert(List<FunnelEntry> list, FunnelEntry entry)
    {
        // Events mostly arrive in time order, so the common case is an append.
        if (list.Count == 0 || FunnelEntry.Compare(list[^1], entry) <= 0)
        {
            list.Add(entry);
            return;
        }

        var index = CollectionsMarshal.AsSpan(list).BinarySearch(new EntryComparer(entry));
        list.Insert(index < 0 ? ~index : index, entry);
    }

    private void Reevaluate(string person, List<FunnelEntry> list)
    {
        if (_matcher.Evaluate(CollectionsMarshal.AsSpan(list)) is { } outcome)
        {
            _outcomes[person] = outcome;
        }
        else
        {
            _outcomes.Remove(person);
        }
    }

    private readonly struct EntryComparer(FunnelEntry target) : IComparable<FunnelEntry>
    {
        public int CompareTo(FunnelEntry other) => FunnelEntry.Compare(target, other);
    }
}
