namespace Orleans.Personalization.Grains.Interfaces.Recommendations;

/// <summary>One recommended product as served, with the strategy that put it there.</summary>
public sealed record ServedItem(string ProductId, string Strategy);
