using Orleans.Personalization.Analytics;

namespace Orleans.Personalization.Grains.Analytics;

/// <summary>What one query reads: a fixed window of events, the identity merges known then, and the traits if asked for.</summary>
public sealed class AnalyticsSnapshot(
    EventWindow events,
    IReadOnlyList<(string From, string Into)> merges,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? traits)
{
    public EventWindow Events { get; } = events;

    public IReadOnlyList<(string From, string Into)> Merges { get; } = merges;

    /// <summary>Identify traits by shopper key (null unless the snapshot was taken with them).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? Traits { get; } = traits;

    /// <summary>A new identity graph for this query (IdentityGraph shortens paths as it reads, so it is never shared).</summary>
    public IdentityGraph Identities()
    {
        var graph = new IdentityGraph();
        foreach (var (from, into) in Merges)
        {
            graph.Merge(from, into);
        }

        return graph;
    }

    /// <summary>Every shopper key that took part in a merge, on either side.</summary>
    public HashSet<string> MergedIds()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (from, into) in Merges)
        {
            ids.Add(from);
            ids.Add(into);
        }

        return ids;
    }
}
