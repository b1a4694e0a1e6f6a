namespace Orleans.Personalization.Recommendations.CoOccurrence;

/// <summary>
/// Dunning's G² test on the 2×2 table of baskets: k11 with both items, k12 with only A, k21 with only B, k22 with
/// neither. Large when the pair co-occurs far more than chance predicts, and robust for rare items where lift is not.
/// </summary>
public static class LogLikelihoodRatio
{
    public static double Score(long k11, long k12, long k21, long k22)
    {
        if (k11 < 0 || k12 < 0 || k21 < 0 || k22 < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(k11), "Contingency counts cannot be negative.");
        }

        // Fewer co-occurrences than independence predicts is also "surprising", but it is no reason to recommend.
        if ((double)k11 * k22 <= (double)k12 * k21)
        {
            return 0;
        }

        var rows = Entropy(k11 + k12, k21 + k22);
        var columns = Entropy(k11 + k21, k12 + k22);
        var matrix = Entropy(k11, k12, k21, k22);

        // Rounding can leave a tiny negative where the exact value is 0.
        return Math.Max(0, 2 * (rows + columns - matrix));
    }

    /// <summary>Unnormalised Shannon entropy of counts: N·ln N − Σ k·ln k.</summary>
    private static double Entropy(params ReadOnlySpan<long> counts)
    {
        long total = 0;
        var parts = 0.0;
        foreach (var count in counts)
        {
            total += count;
            parts += XLogX(count);
        }

        return XLogX(total) - parts;
    }

    private static double XLogX(long x) => x == 0 ? 0 : x * Math.Log(x);
}
