namespace Orleans.Personalization.Recommendations.CoOccurrence;

public static class SimilarityMeasureExtensions
{
    /// <summary>
    /// The similarity of items a and b that share <paramref name="both"/> of <paramref name="baskets"/> baskets,
    /// a being in <paramref name="countA"/> and b in <paramref name="countB"/>.
    /// </summary>
    public static double Score(this SimilarityMeasure measure, long both, long countA, long countB, long baskets)
    {
        if (both <= 0)
        {
            return 0;
        }

        return measure switch
        {
            SimilarityMeasure.Count => both,
            SimilarityMeasure.Jaccard => (double)both / (countA + countB - both),
            SimilarityMeasure.Cosine => both / Math.Sqrt((double)countA * countB),
            SimilarityMeasure.Lift => (double)both * baskets / ((double)countA * countB),
            SimilarityMeasure.LogLikelihoodRatio => LogLikelihoodRatio.Score(both, countA - both, countB - both, baskets - countA - countB + both),
            _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
        };
    }
}
