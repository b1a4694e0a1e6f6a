namespace Orleans.Personalization.Grains.Interfaces.Profiles;

/// <summary>A recently viewed product, most recent first; each product once.</summary>
public sealed record ViewedProductView(string ProductId, string? Category, decimal? Price, DateTimeOffset ViewedAt);
