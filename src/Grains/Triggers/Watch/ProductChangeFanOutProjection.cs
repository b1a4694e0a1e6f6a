using System.Text.Json;
using Microsoft.Extensions.Logging;
using Orleans.Personalization.Grains.Interfaces;
using Orleans.Personalization.Runtime;
using Orleans.Personalization.Runtime.Projections;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Grains.Triggers.Watch;

/// <summary>
/// Tells every shopper who watched a product about its recorded change (price drop, back in stock). At
/// least once: after a crash a change is told again, and shoppers ignore a change id they already answered.
/// </summary>
public sealed class ProductChangeFanOutProjection(IWatchIndexStore index, IGrainFactory grains, ILogger<ProductChangeFanOutProjection> logger) : IPartitionProjection
{
    private const int MaxWatchers = 100_000;
    private const int Concurrency = 32;

    public string Name => "product-change-fanout";

    public bool Accepts(string eventType) => eventType == ProductChangeDetected.TypeName;

    public async Task ProjectAsync(int partition, IReadOnlyList<PartitionRecord> records, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            if (JsonSerializer.Deserialize(record.Payload, ProductWatchJsonContext.Default.ProductWatchEvent) is not ProductChangeDetected detected)
            {
                continue;
            }

            var change = detected.Change;
            var watchers = await index.ReadWatchersAsync(change.ProductId, change.At - ProductWatchersProjection.WatchWindow, MaxWatchers, cancellationToken);
            TriggerLog.FanningOut(logger, change.ProductId, change.ChangeId, watchers.Count);
            await Parallel.ForEachAsync(
                watchers,
                new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
                async (watcher, _) => await grains.GetGrain<IUserGrain>(watcher.Watcher).ProductChangedAsync(change));
        }
    }
}
