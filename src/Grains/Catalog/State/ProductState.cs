using Orleans.Personalization.Grains.Catalog.Events;
using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Grains.Recommendations;
using Orleans.Personalization.Runtime.EventSourcing;

namespace Orleans.Personalization.Grains.Catalog.State;

/// <summary>
/// A product: catalog entry, facts learned from events, decayed counters, co-occurrence vectors (co-view,
/// co-cart, co-purchase) and recent sessions, plus how far each log partition has been applied. A deterministic
/// fold of the product's journal; Apply reads no clock and never throws.
/// </summary>
public sealed class ProductState : IJournaledState<ProductEvent>
{
    public const int CoViewCapacity = 32;
    public const int CoCartCapacity = 16;
    public const int CoPurchaseCapacity = 16;
    private const double ViewActivity = 1;
    private const double CartActivity = 3;
    private const double PurchaseActivity = 5;

    public CatalogData? Catalog { get; set; }

    public LearnedFacts? Learned { get; set; }

    public ActivityCounters Counters { get; set; } = new();

    public NeighbourTable CoView { get; set; } = new();

    public NeighbourTable CoCart { get; set; } = new();

    public NeighbourTable CoPurchase { get; set; } = new();

    public RecentSessions Sessions { get; set; } = new();

    /// <summary>Per log partition, the position of the latest shopper event applied.</summary>
    public Dictionary<int, long> Watermarks { get; set; } = [];

    public bool HasApplied(CoOccurrenceContribution contribution) =>
        Watermarks.TryGetValue(contribution.Partition, out var applied) && contribution.Position <= applied;

    public void Apply(ProductEvent domainEvent)
    {
        switch (domainEvent)
        {
            case ProductCatalogued catalogued:
                Catalog = CatalogData.From(catalogued);
                break;
            case CoOccurrenceApplied applied:
                var partners = applied.Partners.ToDictionary(static p => p.ProductId, StringComparer.Ordinal);
                foreach (var contribution in applied.Contributions)
                {
                    Apply(contribution, partners);
                }

                break;
        }
    }

    private void Apply(CoOccurrenceContribution c, Dictionary<string, PartnerCounts> partners)
    {
        Watermarks[c.Partition] = Math.Max(Watermarks.GetValueOrDefault(c.Partition), c.Position);
        MoveReferenceFor(c.AtMs);
        var basket = HalfLives.Growth(c.AtMs, Counters.ReferenceMs, HalfLives.CoOccurrenceMs);
        switch (c.Kind)
        {
            case ContributionKind.View:
                Counters.Views++;
                Counters.AddActivity(ViewActivity, c.AtMs);
                Counters.ViewBaskets += basket;
                AddPairs(CoView, CoViewCapacity, c, basket, partners, static p => p.ViewBaskets);
                break;
            case ContributionKind.RepeatView:
                Counters.Views++;
                Counters.AddActivity(ViewActivity, c.AtMs);
                break;
            case ContributionKind.PartnerView:
                AddPairs(CoView, CoViewCapacity, c, basket, partners, static p => p.ViewBaskets);
                break;
            case ContributionKind.Cart:
                Counters.CartAdds++;
                Counters.AddActivity(CartActivity, c.AtMs);
                Counters.CartBaskets += basket;
                AddPairs(CoCart, CoCartCapacity, c, basket, partners, static p => p.CartBaskets);
                break;
            case ContributionKind.RepeatCart:
                Counters.CartAdds++;
                Counters.AddActivity(CartActivity, c.AtMs);
                break;
            case ContributionKind.PartnerCart:
                AddPairs(CoCart, CoCartCapacity, c, basket, partners, static p => p.CartBaskets);
                break;
            case ContributionKind.Purchase:
                Counters.Purchases++;
                Counters.AddActivity(PurchaseActivity, c.AtMs);
                Counters.PurchaseBaskets += basket;
                AddPairs(CoPurchase, CoPurchaseCapacity, c, basket, partners, static p => p.PurchaseBaskets);
                break;
        }

        if (c.SessionItems is { Count: > 0 } items)
        {
            Sessions.Upsert(c.SessionKey, c.AtMs, items);
        }

        if (c.Facts is { } facts)
        {
            (Learned ??= new()).Merge(facts, c.AtMs);
        }

        Counters.LatestMs = Math.Max(Counters.LatestMs, c.AtMs);
    }

    private void AddPairs(
        NeighbourTable table,
        int capacity,
        CoOccurrenceContribution c,
        double weight,
        Dictionary<string, PartnerCounts> partners,
        Func<PartnerCounts, double> basketsOf)
    {
        foreach (var partner in c.Partners)
        {
            double? partnerWeight = partners.TryGetValue(partner, out var counts)
                ? basketsOf(counts) * HalfLives.Growth(counts.AtMs, Counters.ReferenceMs, HalfLives.CoOccurrenceMs)
                : null;
            table.Add(partner, weight, partnerWeight, capacity);
        }
    }

    /// <summary>Sets the reference at the first event, and moves it forward before weights could grow too large.</summary>
    private void MoveReferenceFor(long atMs)
    {
        if (Counters.ReferenceMs == 0)
        {
            Counters.ReferenceMs = atMs;
        }
        else if (HalfLives.NeedsRebase(atMs, Counters.ReferenceMs))
        {
            var factor = HalfLives.Growth(Counters.ReferenceMs, atMs, HalfLives.CoOccurrenceMs);
            CoView.Scale(factor);
            CoCart.Scale(factor);
            CoPurchase.Scale(factor);
            Counters.Rebase(atMs);
        }
    }
}
