namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>Why a product seeds the recommendation; it shapes the reason shown ("because you viewed X").</summary>
public enum SeedOrigin
{
    /// <summary>The shopper viewed it.</summary>
    Viewed,

    /// <summary>It is the product on screen.</summary>
    OnScreen,

    /// <summary>It is in the cart.</summary>
    InCart,

    /// <summary>The shopper just bought it.</summary>
    Bought,
}
