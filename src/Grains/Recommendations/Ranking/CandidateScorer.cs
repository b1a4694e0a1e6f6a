using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Grains.Recommendations.Popularity;

namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>
/// Fills the candidate pool from every strategy: the seeds' co-view, co-cart and co-purchase neighbours (scaled by
/// seed weight), session kNN over the sessions the current session's products hold, trending in the categories of
/// interest, and global trending and popular products, which keep a brand-new shopper or product from an empty answer.
/// </summary>
public static class CandidateScorer
{
    /// <summary>How many of the global rankings join the pool: enough to back an answer of 10 across categories.</summary>
    public const int GlobalDepth = 30;

    public const int CategoryDepth = 15;

    /// <summary>How many of the session's latest products lend their recent sessions to session kNN.</summary>
    public const int SessionSources = 3;

    // The sessions session kNN reads, gathered in a list each thread reuses (Score runs start to end without awaiting).
    [ThreadStatic]
    private static List<NeighbourSession>? t_sessions;

    /// <summary>
    /// The pool of every strategy's candidates. It is rented (<see cref="CandidatePool.Rent"/>): return it after blending.
    /// </summary>
    public static CandidatePool Score(
        RecommendationQuery query,
        SeedPlan plan,
        IReadOnlyDictionary<string, ProductNeighbours> neighbours,
        PopularitySnapshot popularity,
        ShopperContext context)
    {
        var pool = CandidatePool.Rent();
        foreach (var seed in plan.Seeds)
        {
            if (!neighbours.TryGetValue(seed.ProductId, out var n))
            {
                continue;
            }

            AddNeighbours(pool, n.CoView, RecommendationStrategy.CoView, seed);
            AddNeighbours(pool, n.CoCart, RecommendationStrategy.CoCart, seed);
            AddNeighbours(pool, n.CoPurchase, RecommendationStrategy.CoPurchase, seed);
        }

        if (plan.Session.Count > 0)
        {
            // Neighbour sessions come from the latest products of the session: they decide the vote (1/step² match weighting).
            var sessions = t_sessions ??= [];
            for (var i = Math.Max(0, plan.Session.Count - SessionSources); i < plan.Session.Count; i++)
            {
                if (neighbours.TryGetValue(plan.Session[i], out var n))
                {
                    sessions.AddRange(n.Sessions);
                }
            }

            var votes = new PoolSink(pool, plan.Session[^1]);
            SessionNeighbours.VoteInto(plan.Session, sessions, ref votes);
            sessions.Clear();
        }

        foreach (var (category, weight) in CategoriesOfInterest(query, plan, neighbours, context, popularity))
        {
            if (popularity.Category(category) is { Trending.Count: > 0 } ranking)
            {
                AddRanking(pool, ranking.Trending, CategoryDepth, RecommendationStrategy.CategoryTrending, weight, category);
            }
        }

        AddRanking(pool, popularity.Lists.Trending, GlobalDepth, RecommendationStrategy.Trending, 1.0, null);
        AddRanking(pool, popularity.Lists.Popular, GlobalDepth, RecommendationStrategy.Popular, 1.0, null);
        return pool;
    }

    /// <summary>
    /// Categories whose trending products are candidates, with weights: the product's own (product page), the
    /// cart's or order's (cart, order confirmation), the shopper's favourites (home, search), the category the
    /// request filters on, and on search the categories the query names.
    /// </summary>
    public static IReadOnlyDictionary<string, double> CategoriesOfInterest(
        RecommendationQuery query,
        SeedPlan plan,
        IReadOnlyDictionary<string, ProductNeighbours> neighbours,
        ShopperContext context,
        PopularitySnapshot popularity)
    {
        var categories = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        void Add(string category, double weight) => categories[category] = Math.Max(categories.GetValueOrDefault(category), weight);

        if (query.Placement is Placement.ProductPage or Placement.Cart or Placement.OrderConfirmation)
        {
            foreach (var seed in plan.Seeds)
            {
                if (neighbours.TryGetValue(seed.ProductId, out var n) && n.Info is { CategoryPath.Count: > 0 } info)
                {
                    Add(CategoryKeys.Of(info.CategoryPath).Last(), seed.Weight);
                }
            }
        }
        else
        {
            var strongest = context.Categories.Count == 0 ? 0 : context.Categories[0].Weight;
            foreach (var preference in context.Categories.Take(3))
            {
                if (strongest > 0)
                {
                    Add(preference.Category, preference.Weight / strongest);
                }
            }
        }

        if (query.Category is { } filtered)
        {
            foreach (var key in popularity.KeysNamed(filtered))
            {
                Add(key, 1.0);
            }
        }

        var words = new QueryWords(query.Query);
        if (query.Placement == Placement.Search && !words.IsEmpty)
        {
            foreach (var category in popularity.Lists.Categories.Keys.Where(words.Names))
            {
                Add(category, 1.0);
            }
        }

        return categories;
    }

    private static void AddNeighbours(CandidatePool pool, IReadOnlyList<ScoredNeighbour> neighbours, RecommendationStrategy strategy, Seed seed)
    {
        foreach (var neighbour in neighbours)
        {
            pool.Add(neighbour.ProductId, strategy, seed.Weight * neighbour.Score, seed.ProductId);
        }
    }

    private static void AddRanking(CandidatePool pool, IReadOnlyList<RankedProduct> ranking, int depth, RecommendationStrategy strategy, double weight, string? via)
    {
        if (ranking.Count == 0 || ranking[0].Score <= 0)
        {
            return;
        }

        var best = ranking[0].Score;
        foreach (var product in ranking.Take(depth))
        {
            pool.Add(product.ProductId, strategy, weight * product.Score / best, via);
        }
    }

    /// <summary>Session kNN's votes straight into the pool, each through the session's latest product.</summary>
    private readonly struct PoolSink(CandidatePool pool, string via) : IVoteSink
    {
        public void Vote(string productId, double vote) => pool.Add(productId, RecommendationStrategy.SessionNeighbours, vote, via);
    }
}
