namespace Orleans.Personalization.Recommendations;

/// <summary>Picks the best-scored items with a deterministic order.</summary>
public static class TopItems
{
    /// <summary>
    /// The <paramref name="count"/> items with the highest positive scores. Equal scores keep the order in which
    /// <paramref name="candidates"/> listed them, so each recommender decides its own tie-break by how it enumerates.
    /// </summary>
    public static IReadOnlyList<ItemScore> Select(IEnumerable<ItemScore> candidates, int count)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfNegative(count);

        var ranked = new List<(ItemScore Item, int Order)>();
        var order = 0;
        foreach (var candidate in candidates)
        {
            if (candidate.Score > 0)
            {
                ranked.Add((candidate, order));
            }

            order++;
        }

        // List.Sort is not stable, so the enumeration order is an explicit second key.
        ranked.Sort(static (a, b) =>
        {
            var byScore = b.Item.Score.CompareTo(a.Item.Score);
            return byScore != 0 ? byScore : a.Order.CompareTo(b.Order);
        });

        var take = Math.Min(count, ranked.Count);
        var result = new ItemScore[take];
        for (var i = 0; i < take; i++)
        {
            result[i] = ranked[i].Item;
        }

        return result;
    }

    /// <summary>Same as <see cref="Select(IEnumerable{ItemScore}, int)"/> over a score dictionary, ties broken by smaller item id.</summary>
    public static IReadOnlyList<ItemScore> Select(IReadOnlyDictionary<long, double> scores, int count)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return Select(scores.OrderBy(p => p.Key).Select(p => new ItemScore(p.Key, p.Value)), count);
    }
}
