using System.Text.Json;

namespace Orleans.Personalization.Grains.Interfaces.Profiles;

/// <summary>A shopper's live profile, as of <see cref="AsOf"/>. docs/profile.md describes every field.</summary>
public sealed record UserProfile
{
    public string? UserId { get; init; }

    public IReadOnlyList<string> AnonymousIds { get; init; } = [];

    /// <summary>Set on an anonymous visitor that turned out to be this user: read that user's profile instead.</summary>
    public string? MergedIntoUserId { get; init; }

    public DateTimeOffset AsOf { get; init; }

    public DateTimeOffset FirstSeen { get; init; }

    public DateTimeOffset LastSeen { get; init; }

    public long EventCount { get; init; }

    public JsonElement? Traits { get; init; }

    public IReadOnlyList<CategoryPreference> PreferredCategories { get; init; } = [];

    public PriceBandView PriceBand { get; init; } = new(null, null);

    public IReadOnlyList<ViewedProductView> RecentlyViewed { get; init; } = [];

    public CartView Cart { get; init; } = new([], 0, 0, null, null);

    public IReadOnlyList<SearchView> RecentSearches { get; init; } = [];

    public IReadOnlyList<FilterView> RecentFilters { get; init; } = [];

    public SessionsView Sessions { get; init; } = new(0, null);

    public PurchasesView Purchases { get; init; } = new(0, 0, null, 0, new Dictionary<string, decimal>(), null, null);

    public LoyaltyView Loyalty { get; init; } = new(0, 0, 0, 0);

    public CampaignView? FirstTouch { get; init; }

    public CampaignView? LastTouch { get; init; }
}
