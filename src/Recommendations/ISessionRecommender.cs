namespace Orleans.Personalization.Recommendations;

/// <summary>Recommends the next item for an ongoing anonymous session and learns from finished ones.</summary>
public interface ISessionRecommender
{
    /// <summary>Adds a finished session to what the recommender knows; sessions may arrive one at a time.</summary>
    void Learn(Session session);

    /// <summary>Up to <paramref name="count"/> items with positive scores, best first, for a session's clicks so far (last = most recent).</summary>
    IReadOnlyList<ItemScore> Recommend(IReadOnlyList<long> sessionItems, int count);
}
