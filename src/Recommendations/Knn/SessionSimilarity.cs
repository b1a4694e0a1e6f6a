namespace Orleans.Personalization.Recommendations.Knn;

/// <summary>How the current session is compared with a past one.</summary>
public enum SessionSimilarity
{
    /// <summary>V-SKNN: sum of the position weights of the shared items, divided by the current session's distinct items.</summary>
    Vector,

    /// <summary>SKNN: shared items / √(|current| · |past|), on distinct items.</summary>
    Cosine,

    /// <summary>Shared items / items in either session.</summary>
    Jaccard,
}
