namespace Orleans.Personalization.Grains.Interfaces.Recommendations;

/// <summary>
/// A product's decayed counts as of <see cref="AtMs"/>: baskets (sessions that viewed it, sessions that added
/// it, orders) with the co-occurrence half-life, and weighted activity with the popularity and trending half-lives.
/// </summary>
public sealed record ProductCounters(
    string ProductId,
    IReadOnlyList<string> CategoryPath,
    double ViewBaskets,
    double CartBaskets,
    double PurchaseBaskets,
    double Popular,
    double Trending,
    long AtMs)
{
    public PartnerCounts ToPartnerCounts() => new(ProductId, ViewBaskets, CartBaskets, PurchaseBaskets, AtMs);
}
