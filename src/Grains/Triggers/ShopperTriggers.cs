using Microsoft.Extensions.Logging;

namespace Orleans.Personalization.Grains.Triggers;

/// <summary>The silo services a shopper grain uses for its triggers (one constructor argument keeps the grain's shape simple).</summary>
public sealed class ShopperTriggers(TriggerSettingsCache settings, ITriggerRecommender recommender, ILogger<ShopperTriggers> logger)
{
    public TriggerSettingsCache Settings { get; } = settings;

    public ITriggerRecommender Recommender { get; } = recommender;

    public ILogger Logger { get; } = logger;
}
