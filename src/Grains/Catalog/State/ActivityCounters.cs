using Orleans.Personalization.Grains.Recommendations;

namespace Orleans.Personalization.Grains.Catalog.State;

/// <summary>
/// A product's own counts. Decayed ones are weights relative to <see cref="ReferenceMs"/> (see
/// <see cref="HalfLives"/>): baskets with the co-occurrence half-life, activity (view 1, add 3, purchase 5) with
/// the popular and trending half-lives. Plain totals are never decayed.
/// </summary>
public sealed class ActivityCounters
{
    public long ReferenceMs { get; set; }

    public long LatestMs { get; set; }

    public double ViewBaskets { get; set; }

    public double CartBaskets { get; set; }

    public double PurchaseBaskets { get; set; }

    public double Popular { get; set; }

    public double Trending { get; set; }

    public long Views { get; set; }

    public long CartAdds { get; set; }

    public long Purchases { get; set; }

    public void AddActivity(double weight, long atMs)
    {
        Popular += weight * HalfLives.Growth(atMs, ReferenceMs, HalfLives.PopularMs);
        Trending += weight * HalfLives.Growth(atMs, ReferenceMs, HalfLives.TrendingMs);
    }

    /// <summary>Moves the reference to <paramref name="newReferenceMs"/>, scaling every decayed weight to match.</summary>
    public void Rebase(long newReferenceMs)
    {
        var co = HalfLives.Growth(ReferenceMs, newReferenceMs, HalfLives.CoOccurrenceMs);
        ViewBaskets *= co;
        CartBaskets *= co;
        PurchaseBaskets *= co;
        Popular *= HalfLives.Growth(ReferenceMs, newReferenceMs, HalfLives.PopularMs);
        Trending *= HalfLives.Growth(ReferenceMs, newReferenceMs, HalfLives.TrendingMs);
        ReferenceMs = newReferenceMs;
    }
}
