using Orleans.Personalization.Grains.Events;
using Orleans.Personalization.Grains.Interfaces;
using Orleans.Personalization.Grains.Interfaces.Messages;
using Orleans.Personalization.Grains.Interfaces.Profiles;
using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Grains.State;

namespace Orleans.Personalization.Grains;

/// <summary>
/// The shopper's side of recommendations: the live context a recommendation starts from, the recommendations
/// served lately (in memory only: enough to attribute the impressions and clicks that follow), and those
/// impressions and clicks as journal events, for CTR per placement and strategy.
/// </summary>
public sealed partial class UserGrain
{
    /// <summary>Served recommendations remembered per activation.</summary>
    public const int RememberedRecommendations = 32;

    private readonly List<ServedRecommendation> _served = [];

    public Task<ShopperContext> GetRecommendationContextAsync()
    {
        if (State.MergedInto is { } mergedInto)
        {
            return Task.FromResult(new ShopperContext { MergedIntoUserId = mergedInto });
        }

        return Task.FromResult(Version == 0 ? ShopperContext.Unknown : RecommendationContext());
    }

    /// <summary>What a recommendation needs from the live profile (the shopper is known and not merged away).</summary>
    /// <remarks>Built with plain loops: it runs on every recommendation request.</remarks>
    private ShopperContext RecommendationContext()
    {
        var now = TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var sessionStart = State.Sessions.StartedAt;

        // Recently viewed is latest first: the session's views are given oldest first, earlier ones latest first.
        var viewed = State.RecentlyViewed.Items;
        var sessionViews = new List<string>(viewed.Count);
        var earlierViews = new List<string>();
        for (var i = viewed.Count - 1; i >= 0; i--)
        {
            if (viewed[i].At >= sessionStart)
            {
                sessionViews.Add(viewed[i].ProductId);
            }
        }

        for (var i = 0; i < viewed.Count; i++)
        {
            if (viewed[i].At < sessionStart)
            {
                earlierViews.Add(viewed[i].ProductId);
            }
        }

        // Most recently changed first; a stable insertion sort keeps equal times in cart order (carts are small).
        var lines = State.Cart.Lines;
        var cart = new CartLine[lines.Count];
        for (var i = 0; i < cart.Length; i++)
        {
            var line = lines[i];
            var at = i;
            while (at > 0 && cart[at - 1].UpdatedAt < line.UpdatedAt)
            {
                cart[at] = cart[at - 1];
                at--;
            }

            cart[at] = line;
        }

        var boughtIds = State.Bought?.ProductIds;
        var bought = new string[boughtIds?.Count ?? 0];
        for (var i = 0; i < bought.Length; i++)
        {
            bought[i] = boughtIds![bought.Length - 1 - i];
        }

        var entries = State.Categories.Entries;
        var categories = new CategoryPreference[entries.Count];
        for (var i = 0; i < categories.Length; i++)
        {
            var c = entries[i];
            categories[i] = new CategoryPreference(c.Category, CategoryAffinity.Decay(c.Weight, c.AsOf, now), DateTimeOffset.FromUnixTimeMilliseconds(c.AsOf));
        }

        Array.Sort(categories, static (a, b) => a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : string.CompareOrdinal(a.Category, b.Category));
        return new ShopperContext
        {
            Known = true,
            SessionViews = sessionViews,
            EarlierViews = earlierViews,
            Cart = Array.ConvertAll(cart, static l => l.ProductId),
            Bought = bought,
            Categories = categories,
            TypicalPrice = State.Prices.Bought?.Median() ?? State.Prices.Viewed?.Median(),
        };
    }

    public Task RememberRecommendationAsync(ServedRecommendation served)
    {
        _served.Add(served);
        if (_served.Count > RememberedRecommendations)
        {
            _served.RemoveAt(0);
        }

        return Task.CompletedTask;
    }

    public async Task<TrackResult> RecordRecommendationFeedbackAsync(RecommendationFeedback feedback)
    {
        if (State.MergedInto is { } mergedInto)
        {
            return new TrackResult(0, 0, ShopperKey.ForUser(mergedInto));
        }

        if (State.SeenMessages.Contains(feedback.MessageId))
        {
            return new TrackResult(0, 1);
        }

        var served = _served.FindLast(s => s.RecommendationId == feedback.RecommendationId);
        var products = feedback.ProductIds.Select(id => Attribute(served, id, feedback.Position)).ToArray();
        RaiseEvent(feedback.Kind == FeedbackKind.Impression
            ? new RecommendationImpressed
            {
                RecommendationId = feedback.RecommendationId,
                Placement = feedback.Placement,
                Products = products,
                MessageId = feedback.MessageId,
                Timestamp = feedback.Timestamp,
                ReceivedAt = feedback.ReceivedAt,
                UserId = feedback.UserId,
                AnonymousId = feedback.AnonymousId,
            }
            : new RecommendationClicked
            {
                RecommendationId = feedback.RecommendationId,
                Placement = feedback.Placement,
                Product = products[0],
                MessageId = feedback.MessageId,
                Timestamp = feedback.Timestamp,
                ReceivedAt = feedback.ReceivedAt,
                UserId = feedback.UserId,
                AnonymousId = feedback.AnonymousId,
            });
        await ConfirmEventsAsync();
        return new TrackResult(1, 0);
    }

    /// <summary>The product's strategy and position as served, when this activation served it; else what the store said.</summary>
    private static RecommendedProduct Attribute(ServedRecommendation? served, string productId, int? reportedPosition)
    {
        var index = -1;
        for (var i = 0; served is not null && i < served.Items.Count && index < 0; i++)
        {
            index = served.Items[i].ProductId == productId ? i : -1;
        }

        return index < 0
            ? new RecommendedProduct(productId, null, reportedPosition)
            : new RecommendedProduct(productId, served!.Items[index].Strategy, index + 1);
    }
}
