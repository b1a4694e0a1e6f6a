namespace Orleans.Personalization.Grains.Triggers.Rules;

/// <summary>A product that qualifies for browse abandonment: its views in the window and its last view (Unix ms).</summary>
public sealed record BrowsedProduct(string ProductId, int Views, long LastViewAt);
