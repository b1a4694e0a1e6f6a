using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Storage.Tests;

/// <summary>One provider's trigger stores (and its cluster store, for leases) on a fresh, empty database.</summary>
public sealed record TriggerStorageUnderTest(
    IOutboxStore Outbox,
    IDeliveryStore Deliveries,
    IWatchIndexStore Watches,
    IClusterStore Cluster,
    IAsyncDisposable Owner) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Owner.DisposeAsync();
}
