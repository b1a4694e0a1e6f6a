namespace Orleans.Personalization.Recommendations.Popularity;

/// <summary>
/// Item popularity where a click loses half its weight every <see cref="HalfLifeSeconds"/> (infinity = plain counts).
/// Incremental: weights are kept relative to a reference time, so a click is one addition, and the reference moves
/// forward (rescaling everything once) only before the numbers could overflow.
/// </summary>
public sealed class TimeDecayedPopularity : ISessionRecommender
{
    // 2^500 is far from double's limit (≈ 2^1023) yet rescaling is rare: once per 500 half-lives.
    private const double MaxExponent = 500;

    private readonly Dictionary<long, double> _weights = [];
    private double _referenceTime = double.NaN;
    private IReadOnlyList<ItemScore>? _ranking;

    public TimeDecayedPopularity(double halfLifeSeconds = double.PositiveInfinity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(halfLifeSeconds);
        HalfLifeSeconds = halfLifeSeconds;
    }

    public double HalfLifeSeconds { get; }

    public void Learn(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        foreach (var click in session.Clicks)
        {
            Add(click.ItemId, click.Timestamp);
        }
    }

    public void Add(long item, double timestamp, double weight = 1)
    {
        if (double.IsNaN(_referenceTime))
        {
            _referenceTime = timestamp;
        }

        var exponent = Exponent(timestamp);
        if (exponent > MaxExponent)
        {
            Rescale(timestamp);
            exponent = 0;
        }

        _weights[item] = _weights.GetValueOrDefault(item) + (weight * Math.Pow(2, exponent));
        _ranking = null;
    }

    /// <summary>The decayed weight of <paramref name="item"/> as seen at time <paramref name="now"/>.</summary>
    public double ScoreAt(long item, double now) =>
        _weights.TryGetValue(item, out var weight) ? weight * Math.Pow(2, -Exponent(now)) : 0;

    /// <summary>The most popular items; the session is ignored. Ties go to the smaller item id.</summary>
    public IReadOnlyList<ItemScore> Recommend(IReadOnlyList<long> sessionItems, int count)
    {
        // Decay multiplies every weight by the same factor, so the order never changes between clicks.
        _ranking ??= TopItems.Select(_weights, _weights.Count);
        return _ranking.Count <= count ? _ranking : _ranking.Take(count).ToArray();
    }

    private double Exponent(double timestamp) =>
        double.IsPositiveInfinity(HalfLifeSeconds) ? 0 : (timestamp - _referenceTime) / HalfLifeSeconds;

    private void Rescale(double newReference)
    {
        var factor = Math.Pow(2, -Exponent(newReference));
        foreach (var item in _weights.Keys.ToArray())
        {
            _weights[item] *= factor;
        }

        _referenceTime = newReference;
    }
}
