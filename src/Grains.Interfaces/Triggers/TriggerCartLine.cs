namespace Orleans.Personalization.Grains.Interfaces.Triggers;

/// <summary>One line of an abandoned cart.</summary>
public sealed record TriggerCartLine(string ProductId, string? Name, string? Category, decimal? Price, int Quantity);
