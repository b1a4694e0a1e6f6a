using Orleans.Personalization.Grains.Interfaces.Triggers;

namespace Orleans.Personalization.Grains.Triggers;

/// <summary>
/// Chooses the products a trigger recommends. The default uses the shopper's own recent items; the
/// recommendation engine can replace it by registering its own implementation before AddPersonalizationGrains.
/// </summary>
public interface ITriggerRecommender
{
    /// <summary>Up to <see cref="TriggerRecommendationRequest.Count"/> products for the trigger, best first.</summary>
    ValueTask<IReadOnlyList<TriggerProduct>> RecommendAsync(TriggerRecommendationRequest request);
}
