namespace Orleans.Personalization.Grains.Interfaces.Recommendations;

/// <summary>What a store reports about a served recommendation.</summary>
public enum FeedbackKind
{
    /// <summary>The products were shown to the shopper.</summary>
    Impression,

    /// <summary>The shopper clicked one of the products.</summary>
    Click,
}
