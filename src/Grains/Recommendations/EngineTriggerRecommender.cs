using Microsoft.Extensions.Logging;
using Orleans.Personalization.Grains.Interfaces.Triggers;
using Orleans.Personalization.Grains.Recommendations.Ranking;
using Orleans.Personalization.Grains.Triggers;

namespace Orleans.Personalization.Grains.Recommendations;

/// <summary>
/// The products a trigger recommends, from the recommendation engine with the placement that fits the message:
/// cross-sell for the abandoned cart, similar and co-viewed products for a product the shopper looked at (browse
/// abandonment, price drop, back in stock, high intent), the home blend for a lapsing customer. Catalog rules
/// hold as in any answer (stock, never the cart or what was bought). When the engine knows too little (a new store)
/// or cannot answer within <see cref="EngineTimeout"/> (its product grains unreachable during a failover), the
/// shopper's own recent items fill the list, so a trigger never fails or waits long for its recommendations.
/// </summary>
public sealed partial class EngineTriggerRecommender(RecommendationService engine, ILogger<EngineTriggerRecommender> logger) : ITriggerRecommender
{
    /// <summary>How long a trigger waits for the engine before it takes the shopper's recent items instead.</summary>
    public static readonly TimeSpan EngineTimeout = TimeSpan.FromMilliseconds(500);

    private readonly RecentItemsRecommender _fallback = new();

    public async ValueTask<IReadOnlyList<TriggerProduct>> RecommendAsync(TriggerRecommendationRequest request)
    {
        var query = new RecommendationQuery
        {
            Placement = PlacementFor(request),
            ProductId = request.Product,
            Count = request.Count,
            Exclude = [.. request.Exclude],
        };
        var products = new List<TriggerProduct>(request.Count);
        try
        {
            // Bounded on the real clock: the shopper's grain waits for this inside its turn, and a product grain on an
            // unreachable silo would otherwise hold the shopper's events for the whole grain call timeout.
            var items = await engine.RecommendForContextAsync(query, request.Context).WaitAsync(EngineTimeout, TimeProvider.System);
            products.AddRange(items.Select(static i => new TriggerProduct(i.ProductId, i.Title, i.Category, i.Price)));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogEngineUnavailable(logger, exception, request.TriggerType, request.ShopperKey);
        }

        if (products.Count < request.Count)
        {
            var chosen = products.Select(static p => p.ProductId).ToHashSet(StringComparer.Ordinal);
            var recent = await _fallback.RecommendAsync(request);
            products.AddRange(recent.Where(p => chosen.Add(p.ProductId)).Take(request.Count - products.Count));
        }

        return products;
    }

    /// <summary>The placement whose blend suits the trigger's message.</summary>
    public static Placement PlacementFor(TriggerRecommendationRequest request) => request.TriggerType switch
    {
        TriggerTypes.CartAbandonment => Placement.Cart,
        TriggerTypes.LapsingCustomer => Placement.Home,
        _ when request.Product is not null => Placement.ProductPage,
        _ => Placement.Home,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recommendations for a {TriggerType} trigger of {ShopperKey} failed; the shopper's recent items are used instead")]
    private static partial void LogEngineUnavailable(ILogger logger, Exception exception, string triggerType, string shopperKey);
}
