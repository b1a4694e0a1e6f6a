namespace Orleans.Personalization.Recommendations.Rules;

/// <summary>
/// Association rules as in session-rec: every ordered pair of clicks in a session counts once in both directions
/// (repeats count, so an item clicked twice pairs with itself), and a session is answered from its last click only.
/// </summary>
public sealed class AssociationRules(int pruning = 20) : ISessionRecommender
{
    private readonly RuleTable _rules = new();

    /// <summary>How many of each item's strongest rules are kept (0 = all); session-rec keeps 20.</summary>
    public int Pruning { get; } = pruning;

    public void Learn(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var items = session.Items;
        for (var later = 1; later < items.Count; later++)
        {
            for (var earlier = 0; earlier < later; earlier++)
            {
                // session-rec updates row[earlier] before row[later]; the order decides first-seen ties.
                _rules.Add(items[earlier], items[later], 1);
                _rules.Add(items[later], items[earlier], 1);
            }
        }
    }

    public IReadOnlyList<ItemScore> Recommend(IReadOnlyList<long> sessionItems, int count)
    {
        ArgumentNullException.ThrowIfNull(sessionItems);
        return sessionItems.Count == 0 ? [] : _rules.Recommend(sessionItems[^1], Pruning, count);
    }
}
