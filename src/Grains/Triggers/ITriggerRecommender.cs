using Orleans.Personalization.Grains.Interfaces.Triggers;

namespace Orleans.Personalization.Grains.Triggers;

/// <summary>
/// Chooses the products a trigger recommends. With the recommendation engine registered (AddRecommendations, before
/// AddShopperTriggers) it is EngineTriggerRecommender; alone, the shopper's own recent items.
/// </summary>
public interface ITriggerRecommender
{
    /// <summary>Up to <see cref="TriggerRecommendationRequest.Count"/> products for the trigger, best first.</summary>
    ValueTask<IReadOnlyList<TriggerProduct>> RecommendAsync(TriggerRecommendationRequest request);
}
