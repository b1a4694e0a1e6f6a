namespace Orleans.Personalization.Recommendations.Rules;

/// <summary>
/// Sequential rules as in session-rec: a click adds weight(d) to the rule earlier → later for each of the
/// <see cref="Steps"/> clicks before it at distance d; a session is answered from its last click only.
/// </summary>
public sealed class SequentialRules(int steps = 10, DistanceWeighting weighting = DistanceWeighting.Div, int pruning = 20)
    : ISessionRecommender
{
    private readonly RuleTable _rules = new();

    public int Steps { get; } = steps;

    public DistanceWeighting Weighting { get; } = weighting;

    /// <summary>How many of each item's strongest rules are kept (0 = all); session-rec keeps 20.</summary>
    public int Pruning { get; } = pruning;

    public void Learn(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var items = session.Items;
        for (var later = 1; later < items.Count; later++)
        {
            var reach = Math.Min(Steps, later);
            for (var distance = 1; distance <= reach; distance++)
            {
                _rules.Add(items[later - distance], items[later], Weighting.Weight(distance));
            }
        }
    }

    public IReadOnlyList<ItemScore> Recommend(IReadOnlyList<long> sessionItems, int count)
    {
        ArgumentNullException.ThrowIfNull(sessionItems);
        return sessionItems.Count == 0 ? [] : _rules.Recommend(sessionItems[^1], Pruning, count);
    }
}
