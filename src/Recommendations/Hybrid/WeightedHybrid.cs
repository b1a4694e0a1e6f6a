namespace Orleans.Personalization.Recommendations.Hybrid;

/// <summary>
/// Blends recommenders: each one's top <see cref="Depth"/> list is divided by its best score (so scales are
/// comparable), multiplied by the component's weight and summed per item.
/// </summary>
public sealed class WeightedHybrid : ISessionRecommender
{
    private readonly (ISessionRecommender Recommender, double Weight)[] _components;

    public WeightedHybrid(IEnumerable<(ISessionRecommender Recommender, double Weight)> components, int depth = 100)
    {
        ArgumentNullException.ThrowIfNull(components);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth);
        _components = components.ToArray();
        if (_components.Length == 0)
        {
            throw new ArgumentException("A hybrid needs at least one component.", nameof(components));
        }

        Depth = depth;
    }

    /// <summary>How many items each component contributes; deeper lists let weak components still reorder.</summary>
    public int Depth { get; }

    public void Learn(Session session)
    {
        foreach (var (recommender, _) in _components)
        {
            recommender.Learn(session);
        }
    }

    public IReadOnlyList<ItemScore> Recommend(IReadOnlyList<long> sessionItems, int count)
    {
        var blended = new Dictionary<long, double>();
        var firstSeen = new List<long>();
        foreach (var (recommender, weight) in _components)
        {
            var list = recommender.Recommend(sessionItems, Depth);
            if (list.Count == 0 || weight == 0)
            {
                continue;
            }

            var max = list[0].Score;
            foreach (var (item, score) in list)
            {
                if (!blended.TryGetValue(item, out var sum))
                {
                    firstSeen.Add(item);
                }

                blended[item] = sum + (weight * score / max);
            }
        }

        // Ties go to the item the earlier (listed first) component ranked higher.
        return TopItems.Select(firstSeen.Select(item => new ItemScore(item, blended[item])), count);
    }
}
