namespace Orleans.Personalization.Recommendations.Rules;

/// <summary>How much an earlier click counts, by its distance d ≥ 1 (clicks back) from the later one.</summary>
public enum DistanceWeighting
{
    /// <summary>1 for every distance.</summary>
    Same,

    /// <summary>1/d.</summary>
    Div,

    /// <summary>1/d².</summary>
    Quadratic,

    /// <summary>1/log10(d + 1.7).</summary>
    Log,

    /// <summary>1 − d/10, never below 0.</summary>
    Linear,
}
