namespace Orleans.Personalization.Recommendations.Users;

/// <summary>Recommends items a known user has not interacted with yet.</summary>
public interface IUserRecommender
{
    /// <summary>Up to <paramref name="count"/> unseen items, best first; empty for an unknown user.</summary>
    IReadOnlyList<ItemScore> Recommend(long userId, int count);
}
