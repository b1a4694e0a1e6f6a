namespace Orleans.Personalization.Grains.Interfaces.Experiments;

/// <summary>
/// What targeting conditions see of a shopper: live profile fields (loyaltyScore, orders, sessions...) and traits,
/// as text. <see cref="MergedIntoUserId"/> is set, and nothing else, when this anonymous shopper merged into a user.
/// </summary>
public sealed record TargetingAttributes(IReadOnlyDictionary<string, string> Attributes, string? MergedIntoUserId = null);
