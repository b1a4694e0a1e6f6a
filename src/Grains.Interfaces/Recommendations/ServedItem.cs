namespace Orleans.Personalization.Grains.Interfaces.Recommendations;

/// <summary>
/// One recommended product as served, with the strategy that put it there. A value: a shopper's activation keeps its
/// last 32 answers, and ten objects per answer would outlive many collections for nothing.
/// </summary>
public readonly record struct ServedItem(string ProductId, string Strategy);
