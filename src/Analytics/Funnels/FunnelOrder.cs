namespace Orleans.Personalization.Analytics.Funnels;

/// <summary>How steps must follow each other within one attempt.</summary>
public enum FunnelOrder
{
    /// <summary>Steps in order; other events may come between them.</summary>
    Ordered,

    /// <summary>Steps in order with no other event of the person between them.</summary>
    Strict,

    /// <summary>Steps in any order; step k counts people who completed any k+1 of the steps.</summary>
    Unordered,
}
