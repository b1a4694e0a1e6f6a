using MathNet.Numerics.LinearAlgebra;

namespace Orleans.Personalization.Recommendations.Users;

/// <summary>
/// EASE (Steck 2019): a dense item-item weight matrix B learned in closed form from the binary user-item matrix X,
/// B = I − P·diag(1/diag(P)) with P = (XᵀX + λI)⁻¹, which forces B's diagonal to 0 so an item cannot explain itself.
/// A user's score is the sum of B's rows over the items they have. Batch only: the inverse needs every item.
/// </summary>
public sealed class EaseRecommender : IUserRecommender
{
    private readonly Dictionary<long, int> _itemSlots = [];
    private readonly long[] _items;
    private readonly UserHistory _history;
    private readonly Matrix<double> _weights;

    public EaseRecommender(IReadOnlyCollection<Rating> ratings, double lambda)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lambda);
        Lambda = lambda;
        _items = ratings.Select(r => r.ItemId).Distinct().Order().ToArray();
        for (var slot = 0; slot < _items.Length; slot++)
        {
            _itemSlots.Add(_items[slot], slot);
        }

        _history = new UserHistory(ratings);
        _weights = Fit();
    }

    public double Lambda { get; }

    public IReadOnlyList<ItemScore> Recommend(long userId, int count)
    {
        var seen = _history.ItemsOf(userId).Select(item => _itemSlots[item]).ToArray();
        if (seen.Length == 0)
        {
            return [];
        }

        var scores = new double[_items.Length];
        foreach (var row in seen)
        {
            for (var column = 0; column < scores.Length; column++)
            {
                scores[column] += _weights[row, column];
            }
        }

        var seenSet = seen.ToHashSet();

        // EASE scores may be negative, so rank every unseen item rather than only positive ones.
        return Enumerable.Range(0, _items.Length)
            .Where(slot => !seenSet.Contains(slot))
            .OrderByDescending(slot => scores[slot])
            .ThenBy(slot => slot)
            .Take(count)
            .Select(slot => new ItemScore(_items[slot], scores[slot]))
            .ToArray();
    }

    private Matrix<double> Fit()
    {
        var n = _items.Length;
        var gram = Matrix<double>.Build.Dense(n, n);
        foreach (var user in _history.Users)
        {
            var slots = _history.ItemsOf(user).Select(item => _itemSlots[item]).ToArray();
            foreach (var a in slots)
            {
                foreach (var b in slots)
                {
                    gram[a, b] += 1;
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            gram[i, i] += Lambda;
        }

        var precision = gram.Cholesky().Solve(Matrix<double>.Build.DenseIdentity(n));
        var weights = Matrix<double>.Build.Dense(n, n);
        for (var column = 0; column < n; column++)
        {
            var diagonal = precision[column, column];
            for (var row = 0; row < n; row++)
            {
                weights[row, column] = row == column ? 0 : -precision[row, column] / diagonal;
            }
        }

        return weights;
    }
}
