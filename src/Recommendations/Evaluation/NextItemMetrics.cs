namespace Orleans.Personalization.Recommendations.Evaluation;

/// <summary>Hit rate and mean reciprocal rank at a cut-off, accumulated one prediction at a time.</summary>
public sealed class NextItemMetrics(int cutoff = 20)
{
    private double _reciprocalRanks;

    public int Cutoff { get; } = cutoff;

    public int Predictions { get; private set; }

    public int Hits { get; private set; }

    public double HitRate => Predictions == 0 ? 0 : (double)Hits / Predictions;

    public double MeanReciprocalRank => Predictions == 0 ? 0 : _reciprocalRanks / Predictions;

    /// <summary>Scores one ranked list against the item that was really clicked next; returns its rank, 0 if missed.</summary>
    public int Add(IReadOnlyList<ItemScore> ranked, long actual)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        Predictions++;
        var limit = Math.Min(Cutoff, ranked.Count);
        for (var i = 0; i < limit; i++)
        {
            if (ranked[i].ItemId == actual)
            {
                Hits++;
                _reciprocalRanks += 1.0 / (i + 1);
                return i + 1;
            }
        }

        return 0;
    }
}
