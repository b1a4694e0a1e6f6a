using Orleans.Personalization.Recommendations.CoOccurrence;

namespace Orleans.Personalization.Recommendations.Users;

/// <summary>
/// SAR (Smart Adaptive Recommendations): item-item similarity from co-occurrence in users' histories, and a user's
/// time-decayed affinity to the items they rated; score(u, j) = Σᵢ affinity(u, i) · similarity(i, j).
/// </summary>
public sealed class SarRecommender : IUserRecommender
{
    private readonly SarOptions _options;
    private readonly CoOccurrenceMatrix _coOccurrence = new();
    private readonly Dictionary<long, Dictionary<long, double>> _affinities = [];

    public SarRecommender(IReadOnlyCollection<Rating> ratings, SarOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        _options = options ?? new SarOptions();
        if (ratings.Count == 0)
        {
            return;
        }

        var now = ratings.Max(r => r.Timestamp);
        foreach (var rating in ratings)
        {
            var decay = Math.Pow(2, -(now - rating.Timestamp) / _options.HalfLifeSeconds);
            if (!_affinities.TryGetValue(rating.UserId, out var affinity))
            {
                affinity = [];
                _affinities.Add(rating.UserId, affinity);
            }

            affinity[rating.ItemId] = affinity.GetValueOrDefault(rating.ItemId) + (rating.Value * decay);
        }

        foreach (var affinity in _affinities.Values)
        {
            _coOccurrence.AddBasket(affinity.Keys);
        }
    }

    public IReadOnlyList<ItemScore> Recommend(long userId, int count)
    {
        if (!_affinities.TryGetValue(userId, out var affinity))
        {
            return [];
        }

        var scores = new Dictionary<long, double>();
        foreach (var (item, weight) in affinity)
        {
            var countItem = _coOccurrence.CountOf(item);
            foreach (var (other, both) in _coOccurrence.PartnersOf(item))
            {
                if (both < _options.CoOccurrenceThreshold || affinity.ContainsKey(other))
                {
                    continue;
                }

                var similarity = _options.Similarity.Score(both, countItem, _coOccurrence.CountOf(other), _coOccurrence.BasketCount);
                scores[other] = scores.GetValueOrDefault(other) + (weight * similarity);
            }
        }

        return TopItems.Select(scores, count);
    }
}
