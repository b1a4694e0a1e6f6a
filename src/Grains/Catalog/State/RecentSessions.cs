using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Grains.State;

namespace Orleans.Personalization.Grains.Catalog.State;

/// <summary>
/// The latest sessions that viewed a product, each with its viewed products: the product's share of a
/// session-kNN index. A recommendation gathers these from the products of the current session and finds the
/// nearest ones there, so no silo holds every session.
/// </summary>
public sealed class RecentSessions
{
    public const int MaxSessions = 16;
    public const int MaxItems = 12;

    public List<SessionEntry> Items { get; set; } = [];

    /// <summary>Records the session as it stands now (its later views replace the earlier picture).</summary>
    public void Upsert(long key, long atMs, IReadOnlyList<string> items)
    {
        var kept = items.Skip(Math.Max(0, items.Count - MaxItems)).Select(StringPool.Share).ToArray();
        var existing = Items.Find(s => s.Key == key);
        if (existing is not null)
        {
            if (atMs >= existing.LastAtMs)
            {
                existing.LastAtMs = atMs;
                existing.Items = kept;
            }

            return;
        }

        Items.Add(new SessionEntry { Key = key, LastAtMs = atMs, Items = kept });
        if (Items.Count > MaxSessions)
        {
            var oldest = 0;
            for (var i = 1; i < Items.Count; i++)
            {
                if (Items[i].LastAtMs < Items[oldest].LastAtMs)
                {
                    oldest = i;
                }
            }

            Items.RemoveAt(oldest);
        }
    }

    public IReadOnlyList<NeighbourSession> ToViews() =>
        Items.Select(static s => new NeighbourSession(s.Key, s.LastAtMs, s.Items)).ToArray();
}
