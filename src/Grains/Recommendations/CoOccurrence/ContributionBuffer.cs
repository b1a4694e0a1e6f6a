using Orleans.Personalization.Grains.Interfaces.Recommendations;

namespace Orleans.Personalization.Grains.Recommendations.CoOccurrence;

/// <summary>
/// Contributions read from the log but not yet applied, grouped by product, and per partition how far the log
/// has been read (<see cref="Handled"/>) and how far its effects are known to be durable (<see cref="Applied"/>).
/// </summary>
internal sealed class ContributionBuffer
{
    public Dictionary<string, List<CoOccurrenceContribution>> ByProduct { get; } = new(StringComparer.Ordinal);

    public Dictionary<int, long> Handled { get; } = [];

    public Dictionary<int, long> Applied { get; } = [];

    public int Count { get; private set; }

    public void Add(string productId, CoOccurrenceContribution contribution)
    {
        if (!ByProduct.TryGetValue(productId, out var list))
        {
            list = [];
            ByProduct[productId] = list;
        }

        list.Add(contribution);
        Count++;
    }

    /// <summary>Forgets a partition's pending contributions (it is being read again from its applied position).</summary>
    public void DropPartition(int partition)
    {
        foreach (var (productId, list) in ByProduct.ToArray())
        {
            Count -= list.RemoveAll(c => c.Partition == partition);
            if (list.Count == 0)
            {
                ByProduct.Remove(productId);
            }
        }
    }

    public void ClearContributions()
    {
        ByProduct.Clear();
        Count = 0;
    }
}
