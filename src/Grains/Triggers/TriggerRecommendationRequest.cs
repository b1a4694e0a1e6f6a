using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Grains.State;

namespace Orleans.Personalization.Grains.Triggers;

/// <summary>
/// What a recommender knows when a trigger fires: the shopper, its state and recommendation context, the trigger
/// type, the product it is about (if any) and products to leave out.
/// </summary>
public sealed record TriggerRecommendationRequest(
    string ShopperKey,
    ShopperState State,
    string TriggerType,
    IReadOnlySet<string> Exclude,
    int Count)
{
    /// <summary>The product the trigger is about (browse abandonment, price drop, back in stock, high intent).</summary>
    public string? Product { get; init; }

    /// <summary>The shopper's live context, as a recommendation request reads it.</summary>
    public ShopperContext Context { get; init; } = ShopperContext.Unknown;
}
