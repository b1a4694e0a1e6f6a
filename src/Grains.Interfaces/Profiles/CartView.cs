namespace Orleans.Personalization.Grains.Interfaces.Profiles;

/// <summary>The current cart: lines, total quantity, value (sum of price × quantity) and when it last changed.</summary>
public sealed record CartView(IReadOnlyList<CartLineView> Items, int ItemCount, decimal Value, string? Currency, DateTimeOffset? UpdatedAt);
