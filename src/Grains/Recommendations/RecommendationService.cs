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
    private readonly Func<string, ProductInfo?> _info = productId => infoCache.TryPeek(productId, out var info) ? info : null;

    public async Task<RecommendationResponse> RecommendAsync(RecommendationQuery query)
    {
        var placement = options.Value.For(query.Placement);
        var (shopper, context) = await ShopperAsync(ShopperKey.Of(query.UserId, query.AnonymousId));
        if (placementOverrides is not null)
        {
            placement = await placementOverrides.ApplyAsync(shopper, query.Placement, placement);
        }

        var items = await RankAsync(query, context, placement);
        return new RecommendationResponse(RecommendationIds.New(query.Placement, items, timeProvider.GetUtcNow()), query.Placement.Name(), items);
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
        var rules = new RankingRules(query, placement, plan.Excluded, new ContentAffinity(context));
        var chosen = await SelectAsync(rules, pool, placement, query.Count);
        pool.Return();

        var origins = new Dictionary<string, SeedOrigin>(StringComparer.Ordinal);
        foreach (var seed in plan.Seeds)
        {
            origins.TryAdd(seed.ProductId, seed.Origin);
        }

        Func<string, string> nameOf = productId =>
            (neighbours.TryGetValue(productId, out var n) ? n.Info?.Title : null) ?? _info(productId)?.Title ?? productId;
        var items = new RecommendedItem[chosen.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var item = chosen[i];
            items[i] = new RecommendedItem(
                item.ProductId,
                Math.Round(item.Score, 4),
                item.Strategy.Name(),
                ReasonWriter.Write(item, origins, nameOf),
                item.Info?.Title,
                item.Info?.Category,
                item.Info?.Price,
                item.Info?.Currency);
        }

        return items;
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
    private async Task<List<RankedItem>> SelectAsync(RankingRules rules, CandidatePool pool, PlacementOptions placement, int count)
    {
        var ranked = pool.Rank(placement);
        var take = Math.Min(ranked, (count * 3) + 20);
        var blended = new BlendedCandidate[take];
        var infos = new ProductInfo?[take];
        pool.CopyRanked(0, blended);
        var checkedInfo = 0;
        if (placement.Pins.Count > 0)
        {
            await EnsureInfoAsync(placement.Pins.Select(static p => p.ProductId).ToArray(), new ProductInfo?[placement.Pins.Count], 0, placement.Pins.Count);
        }

        while (true)
        {
            await EnsureInfoAsync(blended, infos, checkedInfo, take);
            checkedInfo = take;
            var chosen = rules.Select(blended, infos, _info, count);
            if (chosen.Count >= count || take == ranked)
            {
                return chosen;
            }

            take = Math.Min(ranked, take * 2);
            Array.Resize(ref blended, take);
            Array.Resize(ref infos, take);
            pool.CopyRanked(checkedInfo, blended.AsSpan(checkedInfo));
        }
    }

    /// <summary>
    /// Fills <paramref name="infos"/>[from..to] with the info of the products at the same places, fetching what this
    /// silo lacks (waiting for it) and refreshing what it has held too long (in the background).
    /// </summary>
    private Task EnsureInfoAsync(BlendedCandidate[] candidates, ProductInfo?[] infos, int from, int to)
    {
        var ids = new string[to - from];
        for (var i = from; i < to; i++)
        {
            ids[i - from] = candidates[i].ProductId;
        }

        return EnsureInfoAsync(ids, infos, from, to);
    }

    /// <inheritdoc cref="EnsureInfoAsync(BlendedCandidate[], ProductInfo?[], int, int)"/>
    /// <remarks><paramref name="productIds"/> holds the products of places <paramref name="from"/> to <paramref name="to"/>.</remarks>
    private async Task EnsureInfoAsync(string[] productIds, ProductInfo?[] infos, int from, int to)
    {
        List<int>? missing = null;
        List<string>? stale = null;
        var now = infoCache.Now;
        for (var i = from; i < to; i++)
        {
            var productId = productIds[i - from];
            if (!infoCache.TryGet(productId, now, out infos[i], out var fresh))
            {
                (missing ??= []).Add(i);
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
            var fetched = await FetchInfoAsync(missing.ConvertAll(i => productIds[i - from]));
            for (var m = 0; m < missing.Count; m++)
            {
                infos[missing[m]] = fetched[m];
            }
        }
    }

    private async Task<ProductInfo?[]> FetchInfoAsync(List<string> productIds)
    {
        var infos = await Task.WhenAll(productIds.Select(id => grains.GetGrain<IProductGrain>(id).GetInfoAsync()));
        for (var i = 0; i < productIds.Count; i++)
        {
            infoCache.Set(productIds[i], infos[i]);
        }

        return infos;
    }
}
