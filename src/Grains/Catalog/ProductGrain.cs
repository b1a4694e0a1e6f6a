using System.Text.Json.Serialization.Metadata;
using Orleans.Personalization.Grains.Catalog.Events;
using Orleans.Personalization.Grains.Catalog.State;
using Orleans.Personalization.Grains.Interfaces.Catalog;
using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Grains.Recommendations;
using Orleans.Personalization.Runtime.EventSourcing;
using Orleans.Personalization.Runtime.Serialization;

namespace Orleans.Personalization.Grains.Catalog;

/// <summary>
/// A product: catalog entry and co-occurrence vectors. Contributions arrive from the co-occurrence projection
/// keyed by the shopper event that caused them; those at or below the partition's watermark were applied
/// before and are dropped, so a redelivered flush changes nothing (ARCHITECTURE D2).
/// </summary>
public sealed class ProductGrain(ProductInfoCache infoCache) : JournaledGrain<ProductState, ProductEvent>, IProductGrain
{
    /// <summary>Neighbours handed out per relation.</summary>
    public const int NeighboursPerRelation = 20;

    private ProductNeighbours? _neighbours;

    protected override JsonTypeInfo<ProductEvent> EventTypeInfo => RecommendationJsonContext.Default.ProductEvent;

    protected override JsonTypeInfo<ProductState> StateTypeInfo => RecommendationJsonContext.Default.ProductState;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        infoCache.Set(GrainKey, Info());
    }

    public async Task<CatalogUpsertResult> UpsertCatalogAsync(CatalogEntry entry)
    {
        var created = State.Catalog is null;
        if (State.Catalog?.Matches(entry) == true)
        {
            return new CatalogUpsertResult(ProductInfoProjector.Project(GrainKey, State), false);
        }

        RaiseEvent(new ProductCatalogued
        {
            Timestamp = TimeProvider.GetUtcNow(),
            Title = entry.Title,
            CategoryPath = entry.CategoryPath,
            Price = entry.Price,
            Currency = entry.Currency,
            InStock = entry.InStock,
            Attributes = entry.Attributes,
        });
        await ConfirmEventsAsync();
        return new CatalogUpsertResult(Changed(), created);
    }

    public Task<ProductInfo?> GetInfoAsync() => Task.FromResult(Info());

    public async Task<ProductCounters> ApplyCoOccurrenceAsync(CoOccurrenceDelivery delivery)
    {
        var fresh = delivery.Contributions.Where(c => !State.HasApplied(c)).ToArray();
        if (fresh.Length > 0)
        {
            var named = fresh.SelectMany(static c => c.Partners).ToHashSet(StringComparer.Ordinal);
            RaiseEvent(new CoOccurrenceApplied
            {
                Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(fresh.Max(static c => c.AtMs)),
                Contributions = fresh,
                Partners = delivery.Partners.Where(p => named.Contains(p.ProductId)).ToArray(),
            });
            await ConfirmEventsAsync();
            Changed();
        }

        return Counters();
    }

    public Task<ProductCounters> GetCountersAsync() => Task.FromResult(Counters());

    public Task<ProductNeighbours> GetNeighboursAsync() => Task.FromResult(_neighbours ??= new ProductNeighbours(
        Info(),
        State.CoView.Top(State.Counters.ViewBaskets, NeighboursPerRelation),
        State.CoCart.Top(State.Counters.CartBaskets, NeighboursPerRelation),
        State.CoPurchase.Top(State.Counters.PurchaseBaskets, NeighboursPerRelation),
        State.Sessions.ToViews()));

    public Task<string> GetStateJsonAsync() => Task.FromResult(CanonicalJson.Normalize(SerializeState()));

    private ProductInfo? Info() => Version == 0 ? null : ProductInfoProjector.Project(GrainKey, State);

    /// <summary>Drops the cached neighbours and refreshes this silo's product info cache.</summary>
    private ProductInfo Changed()
    {
        _neighbours = null;
        var info = ProductInfoProjector.Project(GrainKey, State);
        infoCache.Set(GrainKey, info);
        return info;
    }

    /// <summary>The decayed counters valued at the product's latest event.</summary>
    private ProductCounters Counters()
    {
        var c = State.Counters;
        var at = c.LatestMs;
        return new ProductCounters(
            GrainKey,
            State.Catalog?.CategoryPath ?? (State.Learned?.Category is { } category ? [category] : []),
            c.ViewBaskets * HalfLives.Growth(c.ReferenceMs, at, HalfLives.CoOccurrenceMs),
            c.CartBaskets * HalfLives.Growth(c.ReferenceMs, at, HalfLives.CoOccurrenceMs),
            c.PurchaseBaskets * HalfLives.Growth(c.ReferenceMs, at, HalfLives.CoOccurrenceMs),
            c.Popular * HalfLives.Growth(c.ReferenceMs, at, HalfLives.PopularMs),
            c.Trending * HalfLives.Growth(c.ReferenceMs, at, HalfLives.TrendingMs),
            at);
    }
}
