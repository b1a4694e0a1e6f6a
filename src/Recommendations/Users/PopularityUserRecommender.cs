using Orleans.Personalization.Recommendations.Popularity;

namespace Orleans.Personalization.Recommendations.Users;

/// <summary>The most popular items the user has not seen yet: the baseline every personal model has to beat.</summary>
public sealed class PopularityUserRecommender : IUserRecommender
{
    private readonly TimeDecayedPopularity _popularity;
    private readonly UserHistory _history;

    public PopularityUserRecommender(IReadOnlyCollection<Rating> ratings, double halfLifeSeconds = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        _popularity = new TimeDecayedPopularity(halfLifeSeconds);
        foreach (var rating in ratings.OrderBy(r => r.Timestamp))
        {
            _popularity.Add(rating.ItemId, rating.Timestamp);
        }

        _history = new UserHistory(ratings);
    }

    public IReadOnlyList<ItemScore> Recommend(long userId, int count)
    {
        var seen = _history.ItemsOf(userId);
        return _popularity.Recommend([], seen.Count + count)
            .Where(s => !seen.Contains(s.ItemId))
            .Take(count)
            .ToArray();
    }
}
