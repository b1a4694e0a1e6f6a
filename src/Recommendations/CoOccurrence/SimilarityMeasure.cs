namespace Orleans.Personalization.Recommendations.CoOccurrence;

/// <summary>How a co-occurrence count becomes a similarity between two items.</summary>
public enum SimilarityMeasure
{
    /// <summary>The raw number of shared baskets.</summary>
    Count,

    /// <summary>Shared / either (SAR's default): popular items stop dominating.</summary>
    Jaccard,

    /// <summary>Shared / √(countA · countB).</summary>
    Cosine,

    /// <summary>Shared / expected if independent: n · shared / (countA · countB).</summary>
    Lift,

    /// <summary>Dunning's log-likelihood ratio: how surprising the count is, 0 for fewer than expected.</summary>
    LogLikelihoodRatio,
}
