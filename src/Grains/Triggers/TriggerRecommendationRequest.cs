using Orleans.Personalization.Grains.State;

namespace Orleans.Personalization.Grains.Triggers;

/// <summary>What a recommender knows when a trigger fires: the shopper, its state, the trigger type and products to leave out.</summary>
public sealed record TriggerRecommendationRequest(
    string ShopperKey,
    ShopperState State,
    string TriggerType,
    IReadOnlySet<string> Exclude,
    int Count);
