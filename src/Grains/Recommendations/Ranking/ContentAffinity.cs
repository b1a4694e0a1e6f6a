using Orleans.Personalization.Grains.Interfaces.Catalog;
using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Grains.Recommendations.Popularity;

namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>How well a product fits the shopper's live profile: interest in its categories, closeness to the typical price.</summary>
public sealed class ContentAffinity
{
    private readonly Dictionary<string, double> _interest = new(StringComparer.OrdinalIgnoreCase);
    private readonly decimal? _typicalPrice;

    public ContentAffinity(ShopperContext context)
    {
        var strongest = context.Categories.Count == 0 ? 0 : context.Categories.Max(static c => c.Weight);
        foreach (var category in context.Categories)
        {
            if (strongest > 0)
            {
                _interest[category.Category] = category.Weight / strongest;
            }
        }

        _typicalPrice = context.TypicalPrice is > 0 ? context.TypicalPrice : null;
    }

    /// <summary>The shopper's interest (0 to 1, relative to the favourite) in the product's categories, at any level of its path.</summary>
    public double Interest(ProductInfo? info)
    {
        if (info is null || _interest.Count == 0)
        {
            return 0;
        }

        // Every level by name ("Running") and as a path ("Shoes > Running"); a one-level path is both at once.
        var best = 0.0;
        string? path = null;
        foreach (var segment in info.CategoryPath)
        {
            best = Math.Max(best, _interest.GetValueOrDefault(segment));
            if (path is not null)
            {
                path = path + CategoryKeys.Separator + segment;
                best = Math.Max(best, _interest.GetValueOrDefault(path));
            }
            else
            {
                path = segment;
            }
        }

        return best;
    }

    /// <summary>exp(−|ln(price / typical)|): 1 at the typical price, 0.5 at double or half of it; 0 when either is unknown.</summary>
    public double PriceFit(ProductInfo? info) =>
        info?.Price is { } price && price > 0 && _typicalPrice is { } typical
            ? Math.Exp(-Math.Abs(Math.Log((double)(price / typical))))
            : 0;
}
