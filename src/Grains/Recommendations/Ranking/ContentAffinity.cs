using Orleans.Personalization.Grains.Interfaces.Catalog;
using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Grains.Recommendations.Popularity;

namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>How well a product fits the shopper's live profile: interest in its categories, closeness to the typical price.</summary>
public sealed class ContentAffinity
{
    // Each interest as its category key's levels ("Shoes > Running" → Shoes, Running) with its weight.
    private readonly List<(string[] Levels, double Interest)> _interests = [];
    private readonly double? _typicalPrice;

    public ContentAffinity(ShopperContext context)
    {
        var strongest = context.Categories.Count == 0 ? 0 : context.Categories.Max(static c => c.Weight);
        foreach (var category in context.Categories)
        {
            if (strongest > 0)
            {
                _interests.Add((category.Category.Split(CategoryKeys.Separator), category.Weight / strongest));
            }
        }

        _typicalPrice = context.TypicalPrice is > 0 and var typical ? (double)typical : null;
    }

    /// <summary>The shopper's interest (0 to 1, relative to the favourite) in the product's categories, at any level of its path.</summary>
    public double Interest(ProductInfo? info)
    {
        if (info is null || _interests.Count == 0)
        {
            return 0;
        }

        // Every level by name ("Running") and as a path from the top ("Shoes > Running"); no key is built per product.
        var best = 0.0;
        var path = info.CategoryPath;
        foreach (var (levels, interest) in _interests)
        {
            if (interest > best && Matches(levels, path))
            {
                best = interest;
            }
        }

        return best;
    }

    /// <summary>exp(−|ln(price / typical)|) = min(r, 1/r) for r = price / typical: 1 at the typical price, 0.5 at double or half of it; 0 when either is unknown.</summary>
    public double PriceFit(ProductInfo? info)
    {
        if (info?.Price is not { } price || price <= 0 || _typicalPrice is not { } typical)
        {
            return 0;
        }

        var ratio = (double)price / typical;
        return Math.Min(ratio, 1 / ratio);
    }

    private static bool Matches(string[] levels, IReadOnlyList<string> path)
    {
        if (levels.Length == 1)
        {
            for (var i = 0; i < path.Count; i++)
            {
                if (string.Equals(path[i], levels[0], StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        if (levels.Length > path.Count)
        {
            return false;
        }

        for (var i = 0; i < levels.Length; i++)
        {
            if (!string.Equals(path[i], levels[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
