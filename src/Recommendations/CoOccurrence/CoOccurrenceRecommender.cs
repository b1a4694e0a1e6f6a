namespace Orleans.Personalization.Recommendations.CoOccurrence;

/// <summary>
/// "Viewed together": each session is a basket, and a session is answered by summing, over its distinct items,
/// the similarity of each partner item. Learning is incremental through <see cref="CoOccurrenceMatrix"/>.
/// </summary>
public sealed class CoOccurrenceRecommender(SimilarityMeasure measure = SimilarityMeasure.LogLikelihoodRatio, bool onlyLastItem = false)
    : ISessionRecommender
{
    private readonly CoOccurrenceMatrix _matrix = new();

    public SimilarityMeasure Measure { get; } = measure;

    /// <summary>Whether only the latest click asks for partners (like the rule recommenders) rather than all clicks.</summary>
    public bool OnlyLastItem { get; } = onlyLastItem;

    public CoOccurrenceMatrix Matrix => _matrix;

    public void Learn(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _matrix.AddBasket(session.Items);
    }

    public IReadOnlyList<ItemScore> Recommend(IReadOnlyList<long> sessionItems, int count)
    {
        ArgumentNullException.ThrowIfNull(sessionItems);
        if (sessionItems.Count == 0)
        {
            return [];
        }

        var asking = OnlyLastItem ? new[] { sessionItems[^1] } : sessionItems.Distinct();
        var scores = new Dictionary<long, double>();
        foreach (var item in asking)
        {
            foreach (var (partner, both) in _matrix.PartnersOf(item))
            {
                var similarity = Measure.Score(both, _matrix.CountOf(item), _matrix.CountOf(partner), _matrix.BasketCount);
                scores[partner] = scores.GetValueOrDefault(partner) + similarity;
            }
        }

        return TopItems.Select(scores, count);
    }
}
