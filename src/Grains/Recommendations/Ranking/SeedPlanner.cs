using Orleans.Personalization.Grains.Interfaces.Recommendations;

namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>
/// Chooses the seeds of each placement from the request and the live profile: the viewed session (home, search),
/// the product on screen (product page), the cart (cart), what was just bought (order confirmation). Recent
/// seeds weigh more. Also gathers what must never be recommended: the cart, by default what was bought, the
/// request's exclusions, the product on screen and, by default, what the session already viewed.
/// </summary>
public static class SeedPlanner
{
    public const int MaxSessionItems = 5;
    public const int MaxCartSeeds = 10;
    public const int MaxFetch = 12;
    private static readonly double[] RecencyWeights = [1.0, 0.8, 0.6, 0.5, 0.4];

    public static SeedPlan Plan(RecommendationQuery query, ShopperContext context, PlacementOptions options)
    {
        // Plain loops, not LINQ: this runs on every request, over lists of a few items.
        var seeds = new List<Seed>();
        var views = context.SessionViews;
        var session = new List<string>(MaxSessionItems + 1);
        for (var i = Math.Max(0, views.Count - MaxSessionItems); i < views.Count; i++)
        {
            session.Add(views[i]);
        }

        var cart = new List<string>(query.Cart.Count + context.Cart.Count);
        AddDistinct(cart, query.Cart, int.MaxValue);
        AddDistinct(cart, context.Cart, int.MaxValue);
        switch (query.Placement)
        {
            case Placement.ProductPage when query.ProductId is { } onScreen:
                seeds.Add(new Seed(onScreen, 1.0, SeedOrigin.OnScreen));
                session.Remove(onScreen);
                session.Add(onScreen);
                break;
            case Placement.Cart:
                seeds.AddRange(cart.Take(MaxCartSeeds).Select(static id => new Seed(id, 1.0, SeedOrigin.InCart)));
                break;
            case Placement.OrderConfirmation:
                var bought = query.Cart.Count > 0 ? query.Cart : context.Bought.Take(MaxSessionItems).ToArray();
                seeds.AddRange(bought.Take(MaxCartSeeds).Select(static id => new Seed(id, 1.0, SeedOrigin.Bought)));
                break;
            default:
                var viewed = session.Count > 0 ? Enumerable.Reverse(session) : context.EarlierViews.Take(3);
                seeds.AddRange(viewed.Select((id, i) => new Seed(id, RecencyWeights[i] * (session.Count > 0 ? 1.0 : 0.6), SeedOrigin.Viewed)));
                seeds.AddRange(cart.Take(3).Select(static id => new Seed(id, 0.5, SeedOrigin.InCart)));
                break;
        }

        var excluded = new HashSet<string>(cart, StringComparer.Ordinal);
        excluded.UnionWith(query.Exclude);
        if (options.ExcludePurchased && !query.IncludePurchased)
        {
            excluded.UnionWith(context.Bought);
        }

        if (options.ExcludeViewedInSession)
        {
            excluded.UnionWith(context.SessionViews);
        }

        if (query.ProductId is { } product)
        {
            excluded.Add(product);
        }

        var fetch = new List<string>(MaxFetch);
        foreach (var seed in seeds)
        {
            if (fetch.Count < MaxFetch && !fetch.Contains(seed.ProductId))
            {
                fetch.Add(seed.ProductId);
            }
        }

        AddDistinct(fetch, session, MaxFetch);
        return new SeedPlan(seeds, session, fetch.ToArray(), excluded);
    }

    /// <summary>Appends the ids <paramref name="list"/> lacks, in order, while it holds fewer than <paramref name="max"/>.</summary>
    private static void AddDistinct(List<string> list, IReadOnlyList<string> ids, int max)
    {
        for (var i = 0; i < ids.Count && list.Count < max; i++)
        {
            if (!list.Contains(ids[i]))
            {
                list.Add(ids[i]);
            }
        }
    }
}
