using System.Text.Json;

namespace Orleans.Personalization.Grains.Interfaces.Catalog;

/// <summary>
/// What is known about a product: the catalog entry when there is one, otherwise what shoppers' events said
/// (name, category, price). <see cref="InStock"/> is null when no catalog entry says either way.
/// </summary>
public sealed record ProductInfo
{
    public required string ProductId { get; init; }

    public string? Title { get; init; }

    public IReadOnlyList<string> CategoryPath { get; init; } = [];

    public decimal? Price { get; init; }

    public string? Currency { get; init; }

    public bool? InStock { get; init; }

    public IReadOnlyDictionary<string, JsonElement> Attributes { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>Whether the store's catalog has an entry (false: known from events only, created lazily).</summary>
    public bool InCatalog { get; init; }

    public DateTimeOffset? CatalogUpdatedAt { get; init; }

    /// <summary>Product views, cart additions and purchases counted so far (not decayed).</summary>
    public long Views { get; init; }

    public long CartAdds { get; init; }

    public long Purchases { get; init; }

    /// <summary>The most specific category, or null.</summary>
    public string? Category => CategoryPath.Count == 0 ? null : CategoryPath[^1];
}
