namespace Orleans.Personalization.Analytics;

/// <summary>
/// Maps every id a shopper has used (anonymous cookies, devices) to the one person they merged into, so
/// analytics counts one person once. Pure and in memory: the grain layer replays identify/alias events into it.
/// Not thread-safe: <see cref="Resolve"/> shortens paths as it walks them.
/// </summary>
public sealed class IdentityGraph
{
    private readonly Dictionary<string, string> _parent = new(StringComparer.Ordinal);

    /// <summary>Number of ids that have been merged into another id.</summary>
    public int MergedIds => _parent.Count;

    /// <summary>
    /// Records that <paramref name="anonymousId"/> is the same person as <paramref name="personId"/>. The person
    /// the target id resolves to stays the representative, so a known customer id survives later merges.
    /// Returns the representative.
    /// </summary>
    public string Merge(string anonymousId, string personId)
    {
        ArgumentException.ThrowIfNullOrEmpty(anonymousId);
        ArgumentException.ThrowIfNullOrEmpty(personId);
        var from = Resolve(anonymousId);
        var into = Resolve(personId);
        if (!string.Equals(from, into, StringComparison.Ordinal))
        {
            _parent[from] = into;
        }

        return into;
    }

    /// <summary>The person an id belongs to; an id never merged is its own person.</summary>
    public string Resolve(string id)
    {
        var root = id;
        while (_parent.TryGetValue(root, out var next))
        {
            root = next;
        }

        // Path compression keeps long anonymous chains (cookie → cookie → login) one hop away.
        while (_parent.TryGetValue(id, out var next) && !string.Equals(next, root, StringComparison.Ordinal))
        {
            _parent[id] = root;
            id = next;
        }

        return root;
    }

    /// <summary>The event with its person id resolved.</summary>
    public AnalyticsEvent Project(AnalyticsEvent analyticsEvent)
    {
        var person = Resolve(analyticsEvent.PersonId);
        return ReferenceEquals(person, analyticsEvent.PersonId) || person == analyticsEvent.PersonId
            ? analyticsEvent
            : analyticsEvent with { PersonId = person };
    }
}
