using Microsoft.Extensions.DependencyInjection;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Grains.Triggers;

/// <summary>
/// Whether the storage provider offers what trigger delivery needs (outbox, delivery store, watch index).
/// A provider without them still journals triggers; they reach the outbox once the provider has the
/// stores, since the outbox projection then starts from its first checkpoint.
/// </summary>
public static class TriggerStorage
{
    public static bool IsRegistered(IServiceCollection services) =>
        services.Any(static d => d.ServiceType == typeof(IOutboxStore))
        && services.Any(static d => d.ServiceType == typeof(IDeliveryStore))
        && services.Any(static d => d.ServiceType == typeof(IWatchIndexStore));
}
