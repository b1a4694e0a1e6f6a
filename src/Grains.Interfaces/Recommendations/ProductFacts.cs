namespace Orleans.Personalization.Grains.Interfaces.Recommendations;

/// <summary>What an event said about a product (Segment's product properties); used until the catalog says more.</summary>
public sealed record ProductFacts(string? Name, string? Category, decimal? Price);
