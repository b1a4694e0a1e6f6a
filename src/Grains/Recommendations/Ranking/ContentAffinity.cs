using Orleans.Personalization.Grains.Interfaces.Catalog;
using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Grains.Recommendations.Popularity;

namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>How well a product fits the shopper's live profile: interest in its categories, closeness to the typical price.</summary>
public sealed class ContentAffinity
{
    // Interests in one category name ("Running"), looked up by each level of a product's path; interests in a path
    // ("Shoes > Running") as their levels, compared with the path's first levels. No key is built per product.
    private readonly Dictionary<string, double> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string[] Levels, double Interest)> _byPath = [];
    private readonly double? _typicalPrice;

    public ContentAffinity(ShopperContext context)
    {
        var strongest = context.Categories.Count == 0 ? 0 : context.Categories.Max(static c => c.Weight);
        foreach (var category in context.Categories)
        {
            if (strongest <= 0)
            {
                continue;
            }

            var interest = category.Weight / strongest;
            var levels = category.Category.Split(CategoryKeys.Separator);
            if (levels.Length == 1)
            {
                _byName[category.Category] = Math.Max(_byName.GetValueOrDefault(category.Category), interest);
            }
            else
            {
                _byPath.Add((levels, interest));
            }
        }

        _typicalPrice = context.TypicalPrice is > 0 and var typical ? (double)typical : null;
    }

    /// <summary>The shopper's interest (0 to 1, relative to the favourite) in the product's categories, at any level of its path.</summary>
    public double Interest(ProductInfo? info)
    {
        if (info is null || (_byName.Count == 0 && _byPath.Count == 0))
        {
            return 0;
        }

        var best = 0.0;
        var path = info.CategoryPath;
        if (_byName.Count > 0)
        {
            for (var i = 0; i < path.Count; i++)
            {
                best = Math.Max(best, _byName.GetValueOrDefault(path[i]));
            }
        }

        foreach (var (levels, interest) in _byPath)
        {
            if (interest > best && StartsWith(path, levels))
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

    private static bool StartsWith(IReadOnlyList<string> path, string[] levels)
    {
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
