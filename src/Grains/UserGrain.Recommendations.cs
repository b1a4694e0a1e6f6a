using Orleans.Personalization.Grains.Events;
using Orleans.Personalization.Grains.Interfaces;
using Orleans.Personalization.Grains.Interfaces.Messages;
using Orleans.Personalization.Grains.Interfaces.Profiles;
using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Grains.Recommendations.Ranking;
using Orleans.Personalization.Grains.State;

namespace Orleans.Personalization.Grains;

/// <summary>
/// The shopper's side of recommendations: the live context a recommendation starts from, and the impressions and
/// clicks reported on the answers as journal events, for CTR per placement and strategy. Which strategy served a
/// product is read from the recommendation id (<see cref="RecommendationIds"/>): nothing is kept per answer.
/// </summary>
public sealed partial class UserGrain
{
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

        var products = feedback.ProductIds.Select(id => Attribute(feedback.RecommendationId, id, feedback.Position)).ToArray();
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

    /// <summary>The product's strategy and position as served, when the answer had it; else the position the store reported.</summary>
    private static RecommendedProduct Attribute(string recommendationId, string productId, int? reportedPosition) =>
        RecommendationIds.TryFindServed(recommendationId, productId, reportedPosition, out var strategy, out var position)
            ? new RecommendedProduct(productId, strategy.Name(), position)
            : new RecommendedProduct(productId, null, reportedPosition);
}
