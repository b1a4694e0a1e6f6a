using Orleans.Personalization.Grains.Interfaces;
using Orleans.Personalization.Grains.Interfaces.Messages;
using Orleans.Personalization.Runtime;

namespace Orleans.Personalization.Api.Ingestion;

/// <summary>
/// Delivers validated messages to their shoppers: grouped by shopper in arrival order, one grain call per
/// shopper, all shoppers at once. A shopper that has merged into a user answers with a redirect, and the
/// messages go on to that user.
/// </summary>
public sealed class ShopperIngestion(IGrainFactory grains)
{
    private const int MaxRedirects = 3;

    public async Task<TrackResult> IngestAsync(IReadOnlyList<TrackedMessage> messages)
    {
        var deliveries = messages
            .GroupBy(static m => ShopperKey.Of(m.UserId, m.AnonymousId), StringComparer.Ordinal)
            .Select(group => DeliverAsync(group.Key, group.ToArray()));
        var results = await Task.WhenAll(deliveries);
        return new TrackResult(results.Sum(static r => r.Accepted), results.Sum(static r => r.Duplicates));
    }

    private async Task<TrackResult> DeliverAsync(string shopperKey, IReadOnlyList<TrackedMessage> messages)
    {
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            var result = await grains.GetGrain<IUserGrain>(shopperKey).TrackAsync(messages);
            if (result.RedirectTo is null)
            {
                return result;
            }

            shopperKey = result.RedirectTo;
        }

        throw new InvalidOperationException($"Messages for {shopperKey} were redirected more than {MaxRedirects} times.");
    }
}
