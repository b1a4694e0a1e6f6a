namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>
/// Collects candidates from every strategy, then blends them: each strategy's scores are divided by that
/// strategy's best score (so scales compare), weighted, and summed per product. The product's strategy is the one
/// with the largest weighted share (ties go to the strategy listed first in <see cref="RecommendationStrategy"/>).
/// </summary>
public sealed class CandidatePool
{
    private readonly Dictionary<string, Candidate> _candidates = new(StringComparer.Ordinal);
    private readonly double[] _best = new double[StrategyNames.Count];

    public int Count => _candidates.Count;

    public void Add(string productId, RecommendationStrategy strategy, double score, string? via)
    {
        if (score <= 0 || double.IsNaN(score))
        {
            return;
        }

        if (!_candidates.TryGetValue(productId, out var candidate))
        {
            candidate = new Candidate(productId);
            _candidates[productId] = candidate;
        }

        var s = (int)strategy;
        candidate.Scores[s] += score;
        if (score > candidate.ViaScore[s])
        {
            candidate.ViaScore[s] = score;
            candidate.Via[s] = via;
        }

        _best[s] = Math.Max(_best[s], candidate.Scores[s]);
    }

    /// <summary>Blended candidates, best first; equal scores in product id order.</summary>
    public List<BlendedCandidate> Blend(PlacementOptions options)
    {
        var weights = new double[StrategyNames.Count];
        for (var s = 0; s < weights.Length; s++)
        {
            weights[s] = _best[s] > 0 ? options.Weight((RecommendationStrategy)s) / _best[s] : 0;
        }

        var blended = new List<BlendedCandidate>(_candidates.Count);
        foreach (var candidate in _candidates.Values)
        {
            var total = 0.0;
            var strongest = -1;
            var strongestShare = 0.0;
            for (var s = 0; s < weights.Length; s++)
            {
                var share = candidate.Scores[s] * weights[s];
                total += share;
                if (share > strongestShare)
                {
                    strongestShare = share;
                    strongest = s;
                }
            }

            if (strongest >= 0)
            {
                blended.Add(new BlendedCandidate(candidate.ProductId, total, (RecommendationStrategy)strongest, candidate.Via[strongest]));
            }
        }

        blended.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.ProductId, b.ProductId));
        return blended;
    }
}
