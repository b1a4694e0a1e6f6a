using Orleans.Personalization.Grains.Interfaces.Triggers;

namespace Orleans.Personalization.Grains.Triggers;

/// <summary>The shopper's most recently viewed products, minus the cart and the trigger's own products: what a trigger recommends when the recommendation engine cannot answer.</summary>
public sealed class RecentItemsRecommender : ITriggerRecommender
{
    public ValueTask<IReadOnlyList<TriggerProduct>> RecommendAsync(TriggerRecommendationRequest request)
    {
        var inCart = request.State.Cart.Lines.Select(static l => l.ProductId).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<TriggerProduct> products = request.State.RecentlyViewed.Items
            .Where(p => !request.Exclude.Contains(p.ProductId) && !inCart.Contains(p.ProductId))
            .Take(request.Count)
            .Select(static p => new TriggerProduct(p.ProductId, Category: p.Category, Price: p.Price))
            .ToArray();
        return ValueTask.FromResult(products);
    }
}
