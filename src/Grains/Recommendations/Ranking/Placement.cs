namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>Where on the store a recommendation is shown (Recombee calls these scenarios).</summary>
public enum Placement
{
    Home,
    ProductPage,
    Cart,
    OrderConfirmation,
    Search,
}
