namespace Orleans.Personalization.Grains.Interfaces.Triggers;

/// <summary>The cart as it was when the trigger fired.</summary>
public sealed record TriggerCart(IReadOnlyList<TriggerCartLine> Lines, decimal Value, string? Currency);
