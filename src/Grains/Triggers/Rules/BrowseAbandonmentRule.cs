using Orleans.Personalization.Grains.Interfaces.Triggers;
using Orleans.Personalization.Grains.State;

namespace Orleans.Personalization.Grains.Triggers.Rules;

/// <summary>
/// Browse abandonment: products viewed at least MinViews times within the window that ends at their last
/// view, counting only views after the product was last carted and after a trigger last used its views,
/// and not in the cart now. Most-viewed first (then the most recent).
/// </summary>
public static class BrowseAbandonmentRule
{
    public static IReadOnlyList<BrowsedProduct> Qualifying(TriggerState state, Cart cart, BrowseAbandonmentSettings settings)
    {
        var windowMs = (long)settings.Window.TotalMilliseconds;
        var found = new List<BrowsedProduct>();
        foreach (var product in state.Views.Products)
        {
            if (cart.Lines.Exists(l => l.ProductId == product.ProductId))
            {
                continue;
            }

            var after = Math.Max(product.AddedAt, product.FiredThrough);
            var from = product.LastViewAt - windowMs;
            var views = product.Times.Count(t => t > after && t >= from);
            if (views >= settings.MinViews)
            {
                found.Add(new BrowsedProduct(product.ProductId, views, product.LastViewAt));
            }
        }

        return found.OrderByDescending(static p => p.Views).ThenByDescending(static p => p.LastViewAt).ToArray();
    }
}
