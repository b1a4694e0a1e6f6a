using Orleans.Personalization.Grains.Interfaces.Triggers;
using Orleans.Personalization.Grains.State;

namespace Orleans.Personalization.Grains.Triggers.Rules;

/// <summary>
/// Price drop and back in stock, for a product in the cart or among the recently viewed. A price drop
/// compares with the lower of the price the shopper saw and the price a previous drop told them, so each
/// further drop must again be at least MinDropPercent.
/// </summary>
public static class CatalogChangeRule
{
    public static IReadOnlyList<(string Type, TriggerFacts Facts)> Evaluate(ProductChange change, ShopperState state, TriggerSettings settings)
    {
        var line = state.Cart.Lines.Find(l => l.ProductId == change.ProductId);
        var viewed = state.RecentlyViewed.Items.Find(p => p.ProductId == change.ProductId);
        if (line is null && viewed is null)
        {
            return [];
        }

        var found = new List<(string, TriggerFacts)>();
        var name = change.Name ?? line?.Name;
        var category = change.Category ?? line?.Category ?? viewed?.Category;
        if (settings.PriceDrop.Enabled && change.NewPrice is { } newPrice)
        {
            var seen = line?.Price ?? viewed?.Price ?? change.PreviousPrice;
            var told = state.Triggers.NotifiedPrice(change.ProductId);
            var reference = told is { } t && (seen is null || t < seen) ? t : seen;
            var factor = 1 - (decimal)settings.PriceDrop.MinDropPercent / 100;
            if (reference is { } previous && previous > 0 && newPrice < previous && newPrice <= previous * factor)
            {
                found.Add((TriggerTypes.PriceDrop, new TriggerFacts
                {
                    Product = new TriggerProduct(change.ProductId, name, category, newPrice),
                    PreviousPrice = previous,
                    NewPrice = newPrice,
                    Currency = change.Currency,
                }));
            }
        }

        if (settings.BackInStock.Enabled && change.BackInStock)
        {
            found.Add((TriggerTypes.BackInStock, new TriggerFacts
            {
                Product = new TriggerProduct(change.ProductId, name, category, change.NewPrice ?? line?.Price ?? viewed?.Price),
                Currency = change.Currency,
            }));
        }

        return found;
    }
}
