namespace Orleans.Personalization.Grains.Interfaces.Triggers;

/// <summary>A product named in a trigger, with what the shopper last saw of it.</summary>
public sealed record TriggerProduct(string ProductId, string? Name = null, string? Category = null, decimal? Price = null);
