namespace Orleans.Personalization.Grains.Interfaces.Profiles;

/// <summary>One line of the cart.</summary>
public sealed record CartLineView(string ProductId, string? Name, string? Category, decimal? Price, int Quantity, decimal LineValue);
