using System.Text.Json;
using Orleans.Personalization.Grains.Interfaces.Profiles;
using Orleans.Personalization.Grains.State;

namespace Orleans.Personalization.Grains.Profiles;

/// <summary>Turns the in-memory state into the profile a caller sees, as of a given time.</summary>
public static class ProfileProjector
{
    public static UserProfile Project(ShopperState state, DateTimeOffset asOf)
    {
        var now = asOf.ToUnixTimeMilliseconds();
        var currency = state.Purchases.MainCurrency();
        var main = currency is null ? null : state.Purchases.ByCurrency[currency];
        return new UserProfile
        {
            UserId = state.UserId,
            AnonymousIds = state.AnonymousIds.ToArray(),
            AsOf = asOf,
            FirstSeen = Time(state.FirstSeen),
            LastSeen = Time(state.LastSeen),
            EventCount = state.EventCount,
            Traits = state.Traits is null ? null : JsonDocument.Parse(state.Traits).RootElement,
            PreferredCategories = state.Categories.Entries
                .Select(c => new CategoryPreference(c.Category, Math.Round(CategoryAffinity.Decay(c.Weight, c.AsOf, now), 4), Time(c.AsOf)))
                .OrderByDescending(c => c.Weight)
                .ThenBy(c => c.Category, StringComparer.Ordinal)
                .ToArray(),
            PriceBand = new PriceBandView(Stats(state.Prices.Viewed), Stats(state.Prices.Bought)),
            RecentlyViewed = state.RecentlyViewed.Items.Select(p => new ViewedProductView(p.ProductId, p.Category, p.Price, Time(p.At))).ToArray(),
            Cart = new CartView(
                state.Cart.Lines.Select(l => new CartLineView(l.ProductId, l.Name, l.Category, l.Price, l.Quantity, (l.Price ?? 0) * l.Quantity)).ToArray(),
                state.Cart.Lines.Sum(l => l.Quantity),
                state.Cart.Value(),
                state.Cart.Currency,
                state.Cart.UpdatedAt == 0 ? null : Time(state.Cart.UpdatedAt)),
            RecentSearches = state.Searches.Items.Select(s => new SearchView(s.Text, Time(s.At))).ToArray(),
            RecentFilters = state.Filters.Items.Select(f => new FilterView(f.Text, f.Detail ?? "", Time(f.At))).ToArray(),
            Sessions = new SessionsView(
                state.Sessions.Count,
                state.Sessions.Count == 0 ? null : new SessionView(
                    state.Sessions.Count,
                    Time(state.Sessions.StartedAt),
                    Time(state.Sessions.LastEventAt),
                    state.Sessions.Events,
                    state.Sessions.PageViews,
                    now - state.Sessions.LastEventAt <= SessionTracker.TimeoutMilliseconds)),
            Purchases = new PurchasesView(
                state.Purchases.Orders,
                main?.Revenue ?? 0,
                currency,
                main is { Orders: > 0 } ? Math.Round(main.Revenue / main.Orders, 2) : 0,
                state.Purchases.ByCurrency.ToDictionary(c => c.Key, c => c.Value.Revenue),
                state.Purchases.FirstOrderAt == 0 ? null : Time(state.Purchases.FirstOrderAt),
                state.Purchases.LastOrderAt == 0 ? null : Time(state.Purchases.LastOrderAt)),
            Loyalty = LoyaltyScore.Compute(state.Purchases, asOf),
            FirstTouch = Touch(state.FirstTouch),
            LastTouch = Touch(state.LastTouch),
        };
    }

    private static DateTimeOffset Time(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs);

    private static PriceStatsView? Stats(PriceStats? stats) => stats is null
        ? null
        : new PriceStatsView(stats.Count, stats.Min, stats.Max, Math.Round(stats.Sum / stats.Count, 2), stats.Median());

    private static CampaignView? Touch(CampaignTouch? touch) => touch is null
        ? null
        : new CampaignView(touch.Source, touch.Medium, touch.Name, touch.Term, touch.Content, Time(touch.At));
}
