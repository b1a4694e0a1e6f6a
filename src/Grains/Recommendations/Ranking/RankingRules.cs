using Orleans.Personalization.Grains.Interfaces.Catalog;
using Orleans.Personalization.Grains.Recommendations.Popularity;

namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>
/// Business rules after scoring. A product is left out if excluded (cart, bought, on screen, request), outside
/// the filters (category, price range) or known to be out of stock. Scores are multiplied by content affinity
/// (category interest, price fit), the search match and configured boosts. Then at most
/// <see cref="PlacementOptions.MaxPerCategory"/> per category, and pinned products at their positions.
/// </summary>
public sealed class RankingRules(RecommendationQuery query, PlacementOptions options, IReadOnlySet<string> excluded, ContentAffinity affinity)
{
    private readonly QueryWords _words = new(query.Query);

    /// <summary>Whether the product may be shown at all; unknown info fails any filter that needs it.</summary>
    public bool Allows(string productId, ProductInfo? info)
    {
        if (excluded.Contains(productId))
        {
            return false;
        }

        if (query.Category is { } category && (info is null || !InCategory(info, category)))
        {
            return false;
        }

        if ((query.MinPrice is not null || query.MaxPrice is not null)
            && (info?.Price is not { } price || price < (query.MinPrice ?? decimal.MinValue) || price > (query.MaxPrice ?? decimal.MaxValue)))
        {
            return false;
        }

        return query.InStock switch
        {
            true => info?.InStock == true,
            false => true,
            null => info?.InStock != false,
        };
    }

    /// <summary>
    /// The answer from blended candidates (best first): the rules applied, at most <paramref name="count"/> items.
    /// <paramref name="info"/> answers for every candidate given.
    /// </summary>
    public List<RankedItem> Select(IEnumerable<BlendedCandidate> candidates, Func<string, ProductInfo?> info, int count)
    {
        var list = candidates.ToArray();
        return Select(list, Array.ConvertAll(list, c => info(c.ProductId)), info, count);
    }

    /// <summary>
    /// As <see cref="Select(IEnumerable{BlendedCandidate}, Func{string, ProductInfo?}, int)"/>, with each candidate's info
    /// given beside it (<paramref name="infos"/>[i] for <paramref name="candidates"/>[i]); <paramref name="info"/> answers for pins.
    /// </summary>
    public List<RankedItem> Select(IReadOnlyList<BlendedCandidate> candidates, IReadOnlyList<ProductInfo?> infos, Func<string, ProductInfo?> info, int count)
    {
        // Adjusted scores are plain values in a rented array; only the chosen few become RankedItems.
        var adjusted = System.Buffers.ArrayPool<Adjusted>.Shared.Rent(candidates.Count);
        var n = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            var product = infos[i];
            if (Allows(candidate.ProductId, product))
            {
                adjusted[n++] = Adjust(candidate, product);
            }
        }

        var best = adjusted.AsSpan(0, n);
        best.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.ProductId, b.ProductId));
        var chosen = new List<RankedItem>(count);
        Dictionary<string, int>? perCategory = null;
        foreach (var item in best)
        {
            if (chosen.Count == count)
            {
                break;
            }

            if (options.MaxPerCategory > 0 && item.Info?.Category is { } leaf)
            {
                perCategory ??= new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                var used = perCategory.GetValueOrDefault(leaf);
                if (used >= options.MaxPerCategory)
                {
                    continue;
                }

                perCategory[leaf] = used + 1;
            }

            chosen.Add(new RankedItem(item.ProductId, item.Score, item.Strategy, item.Via, item.Info));
        }

        System.Buffers.ArrayPool<Adjusted>.Shared.Return(adjusted, clearArray: true);
        Pin(chosen, info, count);
        return chosen;
    }

    private Adjusted Adjust(BlendedCandidate candidate, ProductInfo? info)
    {
        var score = candidate.Score
            * (1 + (options.CategoryAffinityBoost * affinity.Interest(info)))
            * (1 + (options.PriceFitBoost * affinity.PriceFit(info)));
        var strategy = candidate.Strategy;
        var via = candidate.Via;
        if (query.Placement == Placement.Search && _words.Match(info) is > 0 and var match)
        {
            score *= 1 + (options.SearchBoost * match);
            strategy = RecommendationStrategy.Search;
            via = query.Query;
        }

        foreach (var boost in options.Boosts)
        {
            if (Matches(boost, candidate.ProductId, info))
            {
                score *= boost.Factor;
            }
        }

        return new Adjusted(candidate.ProductId, score, strategy, via, info);
    }

    private void Pin(List<RankedItem> chosen, Func<string, ProductInfo?> info, int count)
    {
        foreach (var pin in options.Pins)
        {
            var product = info(pin.ProductId);
            if (!Allows(pin.ProductId, product))
            {
                continue;
            }

            chosen.RemoveAll(i => i.ProductId == pin.ProductId);
            chosen.Insert(Math.Min(pin.Position - 1, chosen.Count), new RankedItem(pin.ProductId, 0, RecommendationStrategy.Pinned, null, product));
        }

        if (chosen.Count > count)
        {
            chosen.RemoveRange(count, chosen.Count - count);
        }
    }

    private static bool Matches(BoostRule boost, string productId, ProductInfo? info) =>
        boost.ProductIds.Contains(productId, StringComparer.Ordinal)
        || (boost.Category is { } category && info is not null && InCategory(info, category))
        || (boost.Attribute is { } attribute && info is not null && info.Attributes.TryGetValue(attribute, out var value)
            && string.Equals(value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString() : value.GetRawText(), boost.Value, StringComparison.OrdinalIgnoreCase));

    /// <summary>The category is one of the product's path levels, by name ("Running") or as a path ("Shoes &gt; Running").</summary>
    public static bool InCategory(ProductInfo info, string category) =>
        info.CategoryPath.Contains(category, StringComparer.OrdinalIgnoreCase)
        || CategoryKeys.Of(info.CategoryPath).Contains(category, StringComparer.OrdinalIgnoreCase);

    /// <summary>A candidate that passed the rules, with its adjusted score.</summary>
    private readonly record struct Adjusted(string ProductId, double Score, RecommendationStrategy Strategy, string? Via, ProductInfo? Info);
}
