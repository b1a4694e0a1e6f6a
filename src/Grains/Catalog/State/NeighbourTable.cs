using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Grains.State;

namespace Orleans.Personalization.Grains.Catalog.State;

/// <summary>
/// A product's co-occurrence vector for one relation, in bounded memory: at most a fixed number of partners,
/// kept with the Space-Saving rule (a new partner takes the slot of the entry with the smallest Pair + Error and
/// inherits that sum as its Error), so partners that co-occur often are never lost. Similarity is the weighted
/// Jaccard index of decayed basket weights: both / (this + partner − both).
/// </summary>
public sealed class NeighbourTable
{
    public List<NeighbourEntry> Entries { get; set; } = [];

    /// <summary>Adds <paramref name="weight"/> to the pair with <paramref name="partner"/>, whose own basket weight is <paramref name="partnerWeight"/> if known.</summary>
    public void Add(string partner, double weight, double? partnerWeight, int capacity)
    {
        var existing = Entries.Find(e => e.ProductId == partner);
        if (existing is not null)
        {
            existing.Pair += weight;
            existing.Partner = partnerWeight ?? existing.Partner;
            return;
        }

        var entry = new NeighbourEntry { ProductId = StringPool.Share(partner), Pair = weight, Partner = partnerWeight ?? 0 };
        if (Entries.Count < capacity)
        {
            Entries.Add(entry);
            return;
        }

        var weakest = 0;
        for (var i = 1; i < Entries.Count; i++)
        {
            if (Entries[i].Pair + Entries[i].Error < Entries[weakest].Pair + Entries[weakest].Error)
            {
                weakest = i;
            }
        }

        entry.Error = Entries[weakest].Pair + Entries[weakest].Error;
        Entries[weakest] = entry;
    }

    public void Scale(double factor)
    {
        foreach (var entry in Entries)
        {
            entry.Pair *= factor;
            entry.Error *= factor;
            entry.Partner *= factor;
        }
    }

    /// <summary>The <paramref name="count"/> most similar partners of a product whose own basket weight is <paramref name="own"/>.</summary>
    public IReadOnlyList<ScoredNeighbour> Top(double own, int count)
    {
        var scored = new List<ScoredNeighbour>(Entries.Count);
        foreach (var entry in Entries)
        {
            var score = Jaccard(entry.Pair, own, entry.Partner);
            if (score > 0)
            {
                scored.Add(new ScoredNeighbour(entry.ProductId, score));
            }
        }

        scored.Sort(static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.ProductId, b.ProductId));
        return scored.Count <= count ? scored : scored.GetRange(0, count);
    }

    /// <summary>
    /// both / (a + b − both). A partner's weight can lag (it is as fresh as the last co-occurrence), so neither
    /// side is taken below the pair itself.
    /// </summary>
    public static double Jaccard(double both, double a, double b)
    {
        if (both <= 0)
        {
            return 0;
        }

        var union = Math.Max(a, both) + Math.Max(b, both) - both;
        return both / union;
    }
}
