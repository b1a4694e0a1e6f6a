using Microsoft.Extensions.Options;
using Orleans.Personalization.Grains.Catalog;
using Orleans.Personalization.Grains.Interfaces;
using Orleans.Personalization.Grains.Interfaces.Catalog;
using Orleans.Personalization.Grains.Interfaces.Messages;
using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Grains.Recommendations.Popularity;
using Orleans.Personalization.Grains.Recommendations.Ranking;
using Orleans.Personalization.Runtime;

namespace Orleans.Personalization.Grains.Recommendations;

/// <summary>
/// Answers a recommendation request from live in-memory state: the shopper's grain (session, cart, purchases,
/// interests: the add to cart acknowledged a moment ago is in it), the seed products' grains (neighbours and
/// recent sessions), and this silo's copies of popularity and product info. Scoring and rules are plain classes.
/// </summary>
public sealed class RecommendationService(
    IGrainFactory grains,
    ProductInfoCache infoCache,
    PopularityCache popularity,
    IOptions<RecommendationOptions> options,
    TimeProvider timeProvider,
    IPlacementOverrides? placementOverrides = null)
{
    private const int MaxRedirects = 3;

    public async Task<RecommendationResponse> RecommendAsync(RecommendationQuery query)
    {
        var placement = options.Value.For(query.Placement);
        var (shopper, context) = await ShopperAsync(ShopperKey.Of(query.UserId, query.AnonymousId));
        if (placementOverrides is not null)
        {
            placement = await placementOverrides.ApplyAsync(shopper, query.Placement, placement);
        }

        var items = await RankAsync(query, context, placement);
        var id = RecommendationIds.New(query.Placement);
        await shopper.RememberRecommendationAsync(new ServedRecommendation(
            id, query.Placement.Name(), items.Select(static i => new ServedItem(i.ProductId, i.Strategy)).ToArray(), timeProvider.GetUtcNow()));
        return new RecommendationResponse(id, query.Placement.Name(), items);
    }

    /// <summary>
    /// Recommendations for a shopper context the caller already holds, with the placement's configured blend, not
    /// served (no recommendation id, nothing remembered). For the shopper's own grain, which cannot be called back
    /// while it waits for the answer (a trigger's products).
    /// </summary>
    public Task<RecommendedItem[]> RecommendForContextAsync(RecommendationQuery query, ShopperContext context) =>
        RankAsync(query, context, options.Value.For(query.Placement));

    private async Task<RecommendedItem[]> RankAsync(RecommendationQuery query, ShopperContext context, PlacementOptions placement)
    {
        var plan = SeedPlanner.Plan(query, context, placement);
        var rankings = popularity.GetAsync();
        var neighbours = await NeighboursAsync(plan.Fetch);
        var popular = await rankings;
        var pool = CandidateScorer.Score(query, plan, neighbours, popular, context);
        var blended = pool.Blend(placement);
        pool.Return();
        var rules = new RankingRules(query, placement, plan.Excluded, new ContentAffinity(context));
        var chosen = await SelectAsync(rules, blended, placement, query.Count);

        var origins = new Dictionary<string, SeedOrigin>(StringComparer.Ordinal);
        foreach (var seed in plan.Seeds)
        {
            origins.TryAdd(seed.ProductId, seed.Origin);
        }

        string NameOf(string productId) =>
            (neighbours.TryGetValue(productId, out var n) ? n.Info?.Title : null) ?? Info(productId)?.Title ?? productId;

        return chosen.Select(item => new RecommendedItem(
            item.ProductId,
            Math.Round(item.Score, 4),
            item.Strategy.Name(),
            ReasonWriter.Write(item, origins, NameOf),
            item.Info?.Title,
            item.Info?.Category,
            item.Info?.Price,
            item.Info?.Currency)).ToArray();
    }

    /// <summary>Records impressions or a click with the shopper (following a merge into a user).</summary>
    public async Task<TrackResult> RecordFeedbackAsync(RecommendationFeedback feedback)
    {
        var key = ShopperKey.Of(feedback.UserId, feedback.AnonymousId);
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            var result = await grains.GetGrain<IUserGrain>(key).RecordRecommendationFeedbackAsync(feedback);
            if (result.RedirectTo is null)
            {
                return result;
            }

            key = result.RedirectTo;
        }

        throw new InvalidOperationException($"Feedback for {key} was redirected more than {MaxRedirects} times.");
    }

    private async Task<(IUserGrain Shopper, ShopperContext Context)> ShopperAsync(string key)
    {
        var shopper = grains.GetGrain<IUserGrain>(key);
        var context = await shopper.GetRecommendationContextAsync();
        for (var hop = 0; hop < MaxRedirects && context.MergedIntoUserId is { } userId; hop++)
        {
            shopper = grains.GetGrain<IUserGrain>(ShopperKey.ForUser(userId));
            context = await shopper.GetRecommendationContextAsync();
        }

        return (shopper, context);
    }

    private async Task<Dictionary<string, ProductNeighbours>> NeighboursAsync(IReadOnlyList<string> productIds)
    {
        var answers = await Task.WhenAll(productIds.Select(id => grains.GetGrain<IProductGrain>(id).GetNeighboursAsync()));
        var neighbours = new Dictionary<string, ProductNeighbours>(productIds.Count, StringComparer.Ordinal);
        for (var i = 0; i < productIds.Count; i++)
        {
            neighbours[productIds[i]] = answers[i];
        }

        return neighbours;
    }

    /// <summary>
    /// Applies the rules to a growing prefix of the blended candidates, fetching product info for it, until the
    /// answer is full or no candidate is left.
    /// </summary>
    private async Task<List<RankedItem>> SelectAsync(RankingRules rules, BlendedCandidate[] blended, PlacementOptions placement, int count)
    {
        var take = Math.Min(blended.Length, (count * 3) + 20);
        var checkedInfo = 0;
        while (true)
        {
            var prefix = new ArraySegment<BlendedCandidate>(blended, 0, take);
            await EnsureInfoAsync(prefix[checkedInfo..].Select(static c => c.ProductId).Concat(placement.Pins.Select(static p => p.ProductId)));
            checkedInfo = take;
            var chosen = rules.Select(prefix, Info, count);
            if (chosen.Count >= count || take == blended.Length)
            {
                return chosen;
            }

            take = Math.Min(blended.Length, take * 2);
        }
    }

    private ProductInfo? Info(string productId) => infoCache.TryPeek(productId, out var info) ? info : null;

    /// <summary>Fetches info this silo lacks (waiting for it) and refreshes info it has held too long (in the background).</summary>
    private async Task EnsureInfoAsync(IEnumerable<string> productIds)
    {
        List<string>? missing = null;
        List<string>? stale = null;
        var now = infoCache.Now;
        foreach (var productId in productIds)
        {
            if (!infoCache.TryGet(productId, now, out _, out var fresh))
            {
                (missing ??= []).Add(productId);
            }
            else if (!fresh)
            {
                (stale ??= []).Add(productId);
            }
        }

        if (stale is not null)
        {
            _ = FetchInfoAsync(stale);
        }

        if (missing is not null)
        {
            await FetchInfoAsync(missing);
        }
    }

    private async Task FetchInfoAsync(List<string> productIds)
    {
        var infos = await Task.WhenAll(productIds.Select(id => grains.GetGrain<IProductGrain>(id).GetInfoAsync()));
        for (var i = 0; i < productIds.Count; i++)
        {
            infoCache.Set(productIds[i], infos[i]);
        }
    }
}
