namespace Orleans.Personalization.Grains.Interfaces.Experiments;

/// <summary>
/// Changes to one trigger's settings for a variant; null fields keep the store's settings. Which fields apply
/// depends on the trigger: delay (cart and browse abandonment), threshold (high intent), inactiveDays (lapsing customer).
/// </summary>
public sealed record TriggerOverride(bool? Enabled = null, TimeSpan? Delay = null, double? Threshold = null, int? InactiveDays = null);
