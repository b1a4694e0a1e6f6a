namespace Orleans.Personalization.Recommendations.Knn;

/// <summary>How much a click of the current session counts, by its position i (1 = first) among n clicks.</summary>
public enum PositionWeighting
{
    /// <summary>1 for every position.</summary>
    Same,

    /// <summary>i/n.</summary>
    Div,

    /// <summary>(i/n)².</summary>
    Quadratic,

    /// <summary>1/log10(n − i + 1.7).</summary>
    Log,

    /// <summary>1 − (n − i)/10, never below 0.</summary>
    Linear,
}
