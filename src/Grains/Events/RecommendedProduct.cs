namespace Orleans.Personalization.Grains.Events;

/// <summary>A product of a served recommendation: its strategy and 1-based position when known.</summary>
public sealed record RecommendedProduct(string ProductId, string? Strategy, int? Position);
