using Orleans.Personalization.Recommendations.Rules;

namespace Orleans.Personalization.Recommendations.Knn;

/// <summary>
/// Session-based nearest neighbours (the SKNN / V-SKNN family of Ludewig and Jannach): find past sessions like the
/// current one and let them vote for their items. Learning only appends to a <see cref="SessionIndex"/>.
/// </summary>
public sealed class SessionKnn(SessionKnnOptions options) : ISessionRecommender
{
    private readonly SessionIndex _index = new();

    public SessionKnn()
        : this(new SessionKnnOptions())
    {
    }

    public SessionKnnOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    public void Learn(Session session) => _index.Add(session);

    public IReadOnlyList<ItemScore> Recommend(IReadOnlyList<long> sessionItems, int count) =>
        TopItems.Select(Score(sessionItems), count);

    /// <summary>Unnormalised votes for every item some neighbour holds.</summary>
    public IReadOnlyDictionary<long, double> Score(IReadOnlyList<long> sessionItems)
    {
        ArgumentNullException.ThrowIfNull(sessionItems);
        if (sessionItems.Count == 0)
        {
            return new Dictionary<long, double>();
        }

        var neighbours = FindNeighbours(sessionItems);
        return Vote(sessionItems, neighbours);
    }

    private List<(int Slot, double Similarity)> FindNeighbours(IReadOnlyList<long> sessionItems)
    {
        // A repeated item keeps the weight of its latest position, as in session-rec.
        var weights = new Dictionary<long, double>();
        for (var i = 0; i < sessionItems.Count; i++)
        {
            weights[sessionItems[i]] = Options.PositionWeighting.Weight(i + 1, sessionItems.Count);
        }

        var candidates = _index.RecentSessionsWithAny(weights.Keys, Options.SampleSize);
        var scored = new List<(int Slot, double Similarity, int Order)>(candidates.Count);
        for (var order = 0; order < candidates.Count; order++)
        {
            var similarity = Similarity(weights, candidates[order]);
            if (similarity > 0)
            {
                scored.Add((candidates[order], similarity, order));
            }
        }

        // Equal similarities favour the more recent session (candidates come most recent first).
        scored.Sort(static (a, b) =>
        {
            var bySimilarity = b.Similarity.CompareTo(a.Similarity);
            return bySimilarity != 0 ? bySimilarity : a.Order.CompareTo(b.Order);
        });

        return scored.Take(Options.Neighbours).Select(n => (n.Slot, n.Similarity)).ToList();
    }

    private double Similarity(Dictionary<long, double> weights, int slot)
    {
        var pastItems = _index.ItemsOf(slot);
        var sharedCount = 0;
        var sharedWeight = 0.0;
        foreach (var item in pastItems)
        {
            if (weights.TryGetValue(item, out var weight))
            {
                sharedCount++;
                sharedWeight += weight;
            }
        }

        return Options.Similarity switch
        {
            SessionSimilarity.Vector => sharedWeight / weights.Count,
            SessionSimilarity.Cosine => sharedCount / Math.Sqrt((double)weights.Count * pastItems.Count),
            SessionSimilarity.Jaccard => (double)sharedCount / (weights.Count + pastItems.Count - sharedCount),
            _ => throw new InvalidOperationException($"Unknown similarity {Options.Similarity}."),
        };
    }

    private Dictionary<long, double> Vote(IReadOnlyList<long> sessionItems, List<(int Slot, double Similarity)> neighbours)
    {
        var current = Options.Remind ? null : sessionItems.ToHashSet();
        var scores = new Dictionary<long, double>();
        foreach (var (slot, similarity) in neighbours)
        {
            var (step, matchPosition) = LastMatch(sessionItems, slot);
            var decay = Options.MatchWeighting.Weight(step);
            var items = _index.ItemsOf(slot);
            for (var position = 0; position < items.Count; position++)
            {
                var item = items[position];
                if (current is not null && current.Contains(item))
                {
                    continue;
                }

                var vote = similarity;
                if (Options.IdfWeighting > 0)
                {
                    vote += vote * _index.InverseDocumentFrequency(item) * Options.IdfWeighting;
                }

                vote *= decay;
                if (Options.NeighbourPositionDecay > 0)
                {
                    vote *= Math.Exp(-Math.Abs(position - matchPosition) / Options.NeighbourPositionDecay);
                }

                scores[item] = scores.GetValueOrDefault(item) + vote;
            }
        }

        return scores;
    }

    /// <summary>How many clicks back the latest click shared with the neighbour is, and where the neighbour has it.</summary>
    private (int Step, int Position) LastMatch(IReadOnlyList<long> sessionItems, int slot)
    {
        for (var step = 1; step <= sessionItems.Count; step++)
        {
            var position = _index.PositionOf(slot, sessionItems[^step]);
            if (position >= 0)
            {
                return (step, position);
            }
        }

        // Unreachable for a neighbour (it shares an item), but harmless weights if it were not.
        return (sessionItems.Count, 0);
    }
}
