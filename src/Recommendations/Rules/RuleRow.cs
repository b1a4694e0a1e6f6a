namespace Orleans.Personalization.Recommendations.Rules;

/// <summary>
/// The rules of one antecedent item: each consequent item with its accumulated weight. This is the state a
/// per-product actor would own. Partners remember when they were first seen because pruning keeps, among equal
/// weights, the partner seen first (that is what makes our lists match session-rec's).
/// </summary>
public sealed class RuleRow
{
    private readonly Dictionary<long, int> _slots = [];
    private readonly List<long> _partners = [];
    private readonly List<double> _weights = [];

    public int Count => _partners.Count;

    public void Add(long partner, double weight)
    {
        if (_slots.TryGetValue(partner, out var slot))
        {
            _weights[slot] += weight;
            return;
        }

        _slots.Add(partner, _partners.Count);
        _partners.Add(partner);
        _weights.Add(weight);
    }

    public double WeightOf(long partner) => _slots.TryGetValue(partner, out var slot) ? _weights[slot] : 0;

    /// <summary>The <paramref name="count"/> heaviest partners, heaviest first; equal weights in first-seen order.</summary>
    public IReadOnlyList<ItemScore> Top(int count) =>
        TopItems.Select(_partners.Select((partner, slot) => new ItemScore(partner, _weights[slot])), count);
}
