namespace Orleans.Personalization.Grains.Recommendations.CoOccurrence;

/// <summary>A view or add to cart in a shopper's current session: its journal sequence, time and product.</summary>
internal readonly record struct WindowEntry(long Sequence, long AtMs, bool IsCart, string ProductId);
