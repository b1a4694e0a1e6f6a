namespace Orleans.Personalization.RecommenderEvaluation;

/// <summary>
/// Tunes one setting at a time over its candidate values, keeping the best, until a full pass changes nothing.
/// Cheaper than a full grid (the V-SKNN grid would be thousands of runs) and deterministic.
/// </summary>
internal static class CoordinateSearch
{
    public sealed record Dimension<T>(string Name, IReadOnlyList<object> Values, Func<T, object, T> Set, Func<T, object> Get);

    public static (T Best, double Score) Run<T>(T start, IReadOnlyList<Dimension<T>> dimensions, Func<T, (double Score, string Detail)> objective, TextWriter log, int maxPasses = 4)
        where T : notnull
    {
        var cache = new Dictionary<T, double>();
        double Evaluate(T candidate)
        {
            if (!cache.TryGetValue(candidate, out var score))
            {
                (score, var detail) = objective(candidate);
                cache.Add(candidate, score);
                log.WriteLine($"  {score:F6} ({detail})  {candidate}");
            }

            return score;
        }

        var best = start;
        var bestScore = Evaluate(best);
        for (var pass = 1; pass <= maxPasses; pass++)
        {
            var changed = false;
            foreach (var dimension in dimensions)
            {
                foreach (var value in dimension.Values)
                {
                    var candidate = dimension.Set(best, value);
                    var score = Evaluate(candidate);

                    // Strictly better only, so ties keep the earlier (simpler or session-rec default) choice.
                    if (score > bestScore + 1e-12)
                    {
                        best = candidate;
                        bestScore = score;
                        changed = true;
                    }
                }
            }

            log.WriteLine($"pass {pass}: {bestScore:F6} {best}");
            if (!changed)
            {
                break;
            }
        }

        return (best, bestScore);
    }
}
