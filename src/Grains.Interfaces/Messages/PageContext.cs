namespace Orleans.Personalization.Grains.Interfaces.Messages;

/// <summary>Segment's <c>context.page</c>: where the shopper was.</summary>
public sealed record PageContext(string? Path, string? Url, string? Referrer, string? Title, string? Search);
