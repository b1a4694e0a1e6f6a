using Orleans.Personalization.Recommendations.CoOccurrence;

namespace Orleans.Personalization.Recommendations.Users;

/// <summary>
/// SAR (Smart Adaptive Recommendations): item-item similarity from co-occurrence in users' histories, and a user's
/// time-decayed affinity to the items they rated; score(u, j) = Σᵢ affinity(u, i) · similarity(i, j).
/// </summary>
public sealed class SarRecommender : IUserRecommender
{
    private readonly SarOptions _options;
    private readonly Dictionary<long, Dictionary<long, double>> _affinities = [];
    private readonly Dictionary<long, int> _slots = [];
    private readonly List<long> _items = [];

    // Each item's similarity row, computed once: per user, scoring is then a sparse sum of rows.
    private readonly List<(int Slot, double Similarity)[]> _rows = [];

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

        var coOccurrence = new CoOccurrenceMatrix();
        foreach (var affinity in _affinities.Values)
        {
            coOccurrence.AddBasket(affinity.Keys);
        }

        BuildRows(coOccurrence);
    }

    public IReadOnlyList<ItemScore> Recommend(long userId, int count)
    {
        if (!_affinities.TryGetValue(userId, out var affinity))
        {
            return [];
        }

        var scores = new double[_items.Count];
        foreach (var (item, weight) in affinity)
        {
            foreach (var (slot, similarity) in _rows[_slots[item]])
            {
                scores[slot] += weight * similarity;
            }
        }

        return TopItems.Select(
            Enumerable.Range(0, scores.Length)
                .Where(slot => !affinity.ContainsKey(_items[slot]))
                .Select(slot => new ItemScore(_items[slot], scores[slot])),
            count);
    }

    private void BuildRows(CoOccurrenceMatrix coOccurrence)
    {
        // Slots in item-id order, so equal scores go to the smaller id as elsewhere.
        foreach (var item in coOccurrence.Items.Order())
        {
            _slots.Add(item, _items.Count);
            _items.Add(item);
        }

        foreach (var item in _items)
        {
            var countItem = coOccurrence.CountOf(item);
            _rows.Add(coOccurrence.PartnersOf(item)
                .Where(p => p.Value >= _options.CoOccurrenceThreshold)
                .Select(p => (_slots[p.Key], _options.Similarity.Score(p.Value, countItem, coOccurrence.CountOf(p.Key), coOccurrence.BasketCount)))
                .ToArray());
        }
    }
}
