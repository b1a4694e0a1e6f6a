namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>
/// Collects candidates from every strategy, then blends them: each strategy's scores are divided by that
/// strategy's best score (so scales compare), weighted, and summed per product. The product's strategy is the one
/// with the largest weighted share (ties go to the strategy listed first in <see cref="RecommendationStrategy"/>).
/// Scores live in one flat array of cells (candidate × strategy) with a bit per filled cell: a request gathers a
/// few hundred candidates, and one object per candidate and strategy would cost more than the arithmetic. A request
/// rents a pool and returns it after blending; only the filled cells are cleared, and the arrays are reused (one
/// spare pool per thread) instead of allocated per request.
/// </summary>
public sealed class CandidatePool
{
    private const int Strategies = StrategyNames.Count;

    [ThreadStatic]
    private static CandidatePool? t_spare;

    private readonly Dictionary<string, int> _slots = new(256, StringComparer.Ordinal);
    private readonly List<string> _ids = new(256);
    private readonly double[] _best = new double[Strategies];
    private Cell[] _cells = new Cell[256 * Strategies];
    private int[] _filled = new int[256];
    private double[] _sortKeys = new double[256];
    private int[] _sortOrder = new int[256];
    private int _ranked;

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
        for (var slot = 0; slot < _ids.Count; slot++)
        {
            for (var bits = _filled[slot]; bits != 0; bits &= bits - 1)
            {
                _cells[(slot * Strategies) + System.Numerics.BitOperations.TrailingZeroCount(bits)] = default;
            }

            _filled[slot] = 0;
        }

        Array.Clear(_best);
        _ranked = 0;
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

        ref var cell = ref _cells[(slot * Strategies) + (int)strategy];
        _filled[slot] |= 1 << (int)strategy;
        cell.Score += score;
        if (score > cell.ViaScore)
        {
            cell.ViaScore = score;
            cell.Via = via;
        }

        _best[(int)strategy] = Math.Max(_best[(int)strategy], cell.Score);
    }

    /// <summary>Blended candidates, best first; equal scores in product id order.</summary>
    public BlendedCandidate[] Blend(PlacementOptions options)
    {
        var blended = new BlendedCandidate[Rank(options)];
        CopyRanked(0, blended);
        return blended;
    }

    /// <summary>
    /// Blends every candidate and orders them, best first (equal scores in product id order), without materialising
    /// them: a request reads only the first few dozen (<see cref="CopyRanked"/>). Returns how many there are.
    /// </summary>
    public int Rank(PlacementOptions options)
    {
        Span<double> weights = stackalloc double[Strategies];
        for (var s = 0; s < Strategies; s++)
        {
            weights[s] = _best[s] > 0 ? options.Weight((RecommendationStrategy)s) / _best[s] : 0;
        }

        // Blend each candidate, then sort slot numbers by the negated blended score: a numeric sort of 4-byte items,
        // far cheaper than moving candidates with a comparison delegate. Equal scores then go in product id order.
        EnsureSortSpace();
        var keys = _sortKeys;
        var order = _sortOrder;
        var n = 0;
        for (var slot = 0; slot < _ids.Count; slot++)
        {
            var total = 0.0;
            var strongest = -1;
            var strongestShare = 0.0;

            // Strategies in enum order (lowest bit first), so a tie goes to the one listed first.
            for (var bits = _filled[slot]; bits != 0; bits &= bits - 1)
            {
                var s = System.Numerics.BitOperations.TrailingZeroCount(bits);
                var share = _cells[(slot * Strategies) + s].Score * weights[s];
                total += share;
                if (share > strongestShare)
                {
                    strongestShare = share;
                    strongest = s;
                }
            }

            if (strongest >= 0)
            {
                keys[n] = -total;
                order[n++] = (slot * Strategies) + strongest;
            }
        }

        keys.AsSpan(0, n).Sort(order.AsSpan(0, n));
        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                order.AsSpan(start, end - start).Sort(new ByProductId(_ids));
            }

            start = end;
        }

        _ranked = n;
        return n;
    }

    /// <summary>Copies the ranked candidates from place <paramref name="from"/> on (after <see cref="Rank"/>) into <paramref name="target"/>.</summary>
    public void CopyRanked(int from, Span<BlendedCandidate> target)
    {
        var count = Math.Min(target.Length, _ranked - from);
        for (var i = 0; i < count; i++)
        {
            var cell = _sortOrder[from + i];
            target[i] = new BlendedCandidate(_ids[cell / Strategies], -_sortKeys[from + i], (RecommendationStrategy)(cell % Strategies), _cells[cell].Via);
        }
    }

    private void EnsureSortSpace()
    {
        if (_sortKeys.Length < _ids.Count)
        {
            _sortKeys = new double[_filled.Length];
            _sortOrder = new int[_filled.Length];
        }
    }

    private void Grow()
    {
        if (_ids.Count <= _filled.Length)
        {
            return;
        }

        Array.Resize(ref _cells, _cells.Length * 2);
        Array.Resize(ref _filled, _filled.Length * 2);
    }

    /// <summary>One candidate's score from one strategy, and the strongest single contribution's source.</summary>
    private struct Cell
    {
        public double Score;
        public double ViaScore;
        public string? Via;
    }

    /// <summary>Orders cell numbers by their candidates' product ids (a struct: no delegate per tie).</summary>
    private readonly struct ByProductId(List<string> ids) : IComparer<int>
    {
        public int Compare(int x, int y) => string.CompareOrdinal(ids[x / Strategies], ids[y / Strategies]);
    }
}
