using Orleans.Personalization.Grains.Interfaces.Profiles;

namespace Orleans.Personalization.Grains.Interfaces.Recommendations;

/// <summary>
/// What a recommendation needs from a shopper's live profile, read in one call: the products viewed in the
/// latest session (oldest first), earlier views, the cart, past purchases, category interests and typical price.
/// </summary>
public sealed record ShopperContext
{
    /// <summary>Set on an anonymous visitor that became this user: ask that user instead.</summary>
    public string? MergedIntoUserId { get; init; }

    /// <summary>Whether any event has been received for the shopper.</summary>
    public bool Known { get; init; }

    public IReadOnlyList<string> SessionViews { get; init; } = [];

    /// <summary>Views before the latest session, latest first.</summary>
    public IReadOnlyList<string> EarlierViews { get; init; } = [];

    /// <summary>Products in the cart, most recently changed first.</summary>
    public IReadOnlyList<string> Cart { get; init; } = [];

    /// <summary>Products bought, latest first.</summary>
    public IReadOnlyList<string> Bought { get; init; } = [];

    /// <summary>Category interests decayed to now, strongest first.</summary>
    public IReadOnlyList<CategoryPreference> Categories { get; init; } = [];

    /// <summary>Median price of recent purchases, or of recent views when there are none.</summary>
    public decimal? TypicalPrice { get; init; }

    public static ShopperContext Unknown { get; } = new();
}
