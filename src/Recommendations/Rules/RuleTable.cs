namespace Orleans.Personalization.Recommendations.Rules;

/// <summary>Rule rows by antecedent item, and the scoring both rule recommenders share.</summary>
public sealed class RuleTable
{
    private readonly Dictionary<long, RuleRow> _rows = [];

    public int Count => _rows.Count;

    public RuleRow? Row(long item) => _rows.GetValueOrDefault(item);

    public void Add(long antecedent, long consequent, double weight)
    {
        if (!_rows.TryGetValue(antecedent, out var row))
        {
            row = new RuleRow();
            _rows.Add(antecedent, row);
        }

        row.Add(consequent, weight);
    }

    /// <summary>
    /// Scores the consequents of <paramref name="item"/>: only the <paramref name="pruning"/> heaviest rules survive
    /// (0 = all; pruning happens when reading, so learning stays incremental), divided by the heaviest so the best is 1.
    /// </summary>
    public IReadOnlyList<ItemScore> Recommend(long item, int pruning, int count)
    {
        var row = Row(item);
        if (row is null)
        {
            return [];
        }

        var kept = row.Top(pruning > 0 ? pruning : int.MaxValue);
        if (kept.Count == 0)
        {
            return [];
        }

        var max = kept[0].Score;
        var take = Math.Min(count, kept.Count);
        var result = new ItemScore[take];
        for (var i = 0; i < take; i++)
        {
            result[i] = kept[i] with { Score = kept[i].Score / max };
        }

        return result;
    }
}
