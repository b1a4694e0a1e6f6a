namespace Orleans.Personalization.Recommendations.Evaluation;

/// <summary>
/// Top-k metrics of one user's list with binary relevance, as Microsoft Recommenders defines them: precision
/// divides by k even for shorter lists, recall and average precision by all relevant items.
/// </summary>
public static class TopNMetrics
{
    public static double Precision(IReadOnlyList<long> ranked, IReadOnlySet<long> relevant, int k) =>
        (double)HitsAt(ranked, relevant, k) / k;

    public static double Recall(IReadOnlyList<long> ranked, IReadOnlySet<long> relevant, int k) =>
        relevant.Count == 0 ? 0 : (double)HitsAt(ranked, relevant, k) / relevant.Count;

    public static double Ndcg(IReadOnlyList<long> ranked, IReadOnlySet<long> relevant, int k)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(relevant);
        var dcg = 0.0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (relevant.Contains(ranked[i]))
            {
                dcg += 1 / Math.Log2(i + 2);
            }
        }

        var ideal = 0.0;
        for (var i = 0; i < Math.Min(k, relevant.Count); i++)
        {
            ideal += 1 / Math.Log2(i + 2);
        }

        return ideal == 0 ? 0 : dcg / ideal;
    }

    /// <summary>Mean over hits of the precision at each hit's rank, divided by the number of relevant items.</summary>
    public static double AveragePrecision(IReadOnlyList<long> ranked, IReadOnlySet<long> relevant, int k)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(relevant);
        var hits = 0;
        var sum = 0.0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (relevant.Contains(ranked[i]))
            {
                hits++;
                sum += (double)hits / (i + 1);
            }
        }

        return relevant.Count == 0 ? 0 : sum / relevant.Count;
    }

    private static int HitsAt(IReadOnlyList<long> ranked, IReadOnlySet<long> relevant, int k)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(relevant);
        return ranked.Take(k).Count(relevant.Contains);
    }
}
