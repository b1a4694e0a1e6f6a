using Orleans.Personalization.Recommendations.CoOccurrence;

namespace Orleans.Personalization.Recommendations.Users;

/// <summary>Settings of <see cref="SarRecommender"/>; defaults are those of Microsoft Recommenders' MovieLens benchmark.</summary>
public sealed record SarOptions
{
    public SimilarityMeasure Similarity { get; init; } = SimilarityMeasure.Jaccard;

    /// <summary>A rating's weight in the user's affinity halves every this many seconds before the newest rating.</summary>
    public double HalfLifeSeconds { get; init; } = 30 * 86_400;

    /// <summary>Pairs seen together by fewer users than this are treated as unrelated.</summary>
    public int CoOccurrenceThreshold { get; init; } = 1;
}
