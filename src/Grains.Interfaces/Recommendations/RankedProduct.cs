namespace Orleans.Personalization.Grains.Interfaces.Recommendations;

/// <summary>A product in a popularity ranking with its decayed score (comparable only within one list).</summary>
public sealed record RankedProduct(string ProductId, double Score);
