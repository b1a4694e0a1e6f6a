using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Grains.Interfaces;
using Orleans.Personalization.Grains.Interfaces.Messages;
using Orleans.Personalization.Runtime;
using Orleans.Personalization.Runtime.Calls;
using Orleans.Personalization.Runtime.Hosting;
using Orleans.Personalization.Runtime.Placement;

namespace Orleans.Personalization.Api.Ingestion;

/// <summary>
/// Delivers validated messages to their shoppers: grouped by shopper in arrival order, one grain call per
/// shopper, all shoppers at once. In a cluster, the shoppers another silo holds travel there in one
/// request (instead of one forwarded grain call each) and are delivered by that silo. A shopper that has
/// merged into a user answers with a redirect, and the messages go on to that user.
/// </summary>
public sealed class ShopperIngestion(
    IGrainFactory grains,
    PartitionMap partitionMap,
    IPartitionOwnership ownership,
    IOptions<SiloOptions> options) : IDisposable
{
    public const string ForwardPath = "/internal/ingest";
    private const int MaxRedirects = 3;
    private static readonly string UserGrainType = GrainTypeRegistry.TypeNameOf(typeof(IUserGrain));
    private readonly HttpClient _forwarder = new() { Timeout = options.Value.GrainCallTimeout };

    /// <summary>Delivers the messages; with <paramref name="forward"/> false, every shopper is called from here.</summary>
    public async Task<TrackResult> IngestAsync(IReadOnlyList<TrackedMessage> messages, bool forward = true)
    {
        var shoppers = messages.GroupBy(static m => ShopperKey.Of(m.UserId, m.AnonymousId), StringComparer.Ordinal).ToArray();
        IEnumerable<Task<TrackResult>> deliveries = forward
            ? shoppers.GroupBy(g => RemoteOwnerOf(g.Key)).Select(silo => silo.Key is null ? DeliverLocallyAsync(silo) : ForwardAsync(silo.Key, silo.ToArray()))
            : [DeliverLocallyAsync(shoppers)];
        var results = await Task.WhenAll(deliveries);
        return new TrackResult(results.Sum(static r => r.Accepted), results.Sum(static r => r.Duplicates));
    }

    public void Dispose() => _forwarder.Dispose();

    /// <summary>The silo to send a shopper's messages to, or null to call its grain from here.</summary>
    private string? RemoteOwnerOf(string shopperKey)
    {
        var partition = partitionMap.PartitionOf(new GrainId(UserGrainType, shopperKey));
        return ownership.IsServing(partition) || ownership.OwnerOf(partition) is not { } owner || owner == ownership.LocalSiloId
            ? null
            : owner;
    }

    private async Task<TrackResult> DeliverLocallyAsync(IEnumerable<IGrouping<string, TrackedMessage>> shoppers)
    {
        var results = await Task.WhenAll(shoppers.Select(group => DeliverAsync(group.Key, group.ToArray())));
        return new TrackResult(results.Sum(static r => r.Accepted), results.Sum(static r => r.Duplicates));
    }

    private async Task<TrackResult> ForwardAsync(string siloId, IGrouping<string, TrackedMessage>[] shoppers)
    {
        if (ownership.SiloAddress(siloId) is { } address)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, address.TrimEnd('/') + ForwardPath)
                {
                    Content = JsonContent.Create(shoppers.SelectMany(static g => g).ToArray(), options: HttpRemoteGrainInvoker.Json),
                };
                request.Headers.Add(HttpRemoteGrainInvoker.SecretHeader, options.Value.ClusterSecret);
                using var response = await _forwarder.SendAsync(request);
                if (response.IsSuccessStatusCode && await response.Content.ReadFromJsonAsync<TrackResult>(HttpRemoteGrainInvoker.Json) is { } result)
                {
                    return result;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Fall through: the shoppers are delivered from here instead.
            }
        }

        // Whatever happened on the other silo, delivering again is safe: messageIds make it idempotent.
        return await DeliverLocallyAsync(shoppers);
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
