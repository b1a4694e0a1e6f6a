namespace Orleans.Personalization.Grains.Interfaces.Recommendations;

/// <summary>A recent session that viewed the product: its distinct viewed products, oldest first.</summary>
public sealed record NeighbourSession(long Key, long LastAtMs, IReadOnlyList<string> Items);
