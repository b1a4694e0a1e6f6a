namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>
/// Collects candidates from every strategy, then blends them: each strategy's scores are divided by that
/// strategy's best score (so scales compare), weighted, and summed per product. The product's strategy is the one
/// with the largest weighted share (ties go to the strategy listed first in <see cref="RecommendationStrategy"/>).
/// Scores live in flat arrays (candidate × strategy): a request gathers a few hundred candidates, and one object
/// per candidate and strategy would cost more than the arithmetic. A request rents a pool and returns it after
/// blending, so the arrays are reused (one spare per thread) instead of allocated per request.
/// </summary>
public sealed class CandidatePool
{
    private const int Strategies = StrategyNames.Count;

    [ThreadStatic]
    private static CandidatePool? t_spare;

    private readonly Dictionary<string, int> _slots = new(256, StringComparer.Ordinal);
    private readonly List<string> _ids = new(256);
    private readonly double[] _best = new double[Strategies];
    private double[] _scores = new double[256 * Strategies];
    private double[] _viaScores = new double[256 * Strategies];
    private string?[] _via = new string?[256 * Strategies];

    public int Count => _ids.Count;

    /// <summary>An empty pool: this thread's spare when it has one.</summary>
    public static CandidatePool Rent()
    {
        var pool = t_spare ?? new CandidatePool();
        t_spare = null;
        return pool;
    }

    /// <summary>Empties the pool and keeps it as this thread's spare. The pool must not be used after.</summary>
    public void Return()
    {
        var used = _ids.Count * Strategies;
        Array.Clear(_scores, 0, used);
        Array.Clear(_viaScores, 0, used);
        Array.Clear(_via, 0, used);
        Array.Clear(_best);
        _ids.Clear();
        _slots.Clear();
        t_spare = this;
    }

    public void Add(string productId, RecommendationStrategy strategy, double score, string? via)
    {
        if (score <= 0 || double.IsNaN(score))
        {
            return;
        }

        if (!_slots.TryGetValue(productId, out var slot))
        {
            slot = _ids.Count;
            _slots[productId] = slot;
            _ids.Add(productId);
            Grow();
        }

        var at = (slot * Strategies) + (int)strategy;
        _scores[at] += score;
        if (score > _viaScores[at])
        {
            _viaScores[at] = score;
            _via[at] = via;
        }

        _best[(int)strategy] = Math.Max(_best[(int)strategy], _scores[at]);
    }

    /// <summary>Blended candidates, best first; equal scores in product id order.</summary>
    public List<BlendedCandidate> Blend(PlacementOptions options)
    {
        var weights = new double[Strategies];
        for (var s = 0; s < Strategies; s++)
        {
            weights[s] = _best[s] > 0 ? options.Weight((RecommendationStrategy)s) / _best[s] : 0;
        }

        var blended = new List<BlendedCandidate>(_ids.Count);
        for (var slot = 0; slot < _ids.Count; slot++)
        {
            var total = 0.0;
            var strongest = -1;
            var strongestShare = 0.0;
            for (var s = 0; s < Strategies; s++)
            {
                var share = _scores[(slot * Strategies) + s] * weights[s];
                total += share;
                if (share > strongestShare)
                {
                    strongestShare = share;
                    strongest = s;
                }
            }

            if (strongest >= 0)
            {
                blended.Add(new BlendedCandidate(_ids[slot], total, (RecommendationStrategy)strongest, _via[(slot * Strategies) + strongest]));
            }
        }

        blended.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.ProductId, b.ProductId));
        return blended;
    }

    private void Grow()
    {
        if (_ids.Count * Strategies <= _scores.Length)
        {
            return;
        }

        Array.Resize(ref _scores, _scores.Length * 2);
        Array.Resize(ref _viaScores, _viaScores.Length * 2);
        Array.Resize(ref _via, _via.Length * 2);
    }
}
