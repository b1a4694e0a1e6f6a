using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Personalization.Grains;
using Orleans.Personalization.Grains.Interfaces;
using Orleans.Personalization.Grains.Interfaces.Catalog;
using Orleans.Personalization.Grains.Interfaces.Messages;
using Orleans.Personalization.Grains.Recommendations.CoOccurrence;
using Orleans.Personalization.Runtime;
using Orleans.Personalization.Runtime.Activation;
using Orleans.Personalization.Runtime.Hosting;
using Orleans.Personalization.Runtime.Projections;
using Orleans.Personalization.Storage.Sqlite;

namespace Orleans.Personalization.RecommendationBenchmark;

/// <summary>
/// Managed heap per active product: a silo in this process (real runtime, grains, SQLite) takes the whole catalog
/// and workload, co-occurrence catches up, shoppers are deactivated; the heap with the products active, minus the
/// heap after they are deactivated too, divided by the number of products.
/// </summary>
internal static class ProductMemoryProbe
{
    public static async Task<(double BytesPerProduct, int Products, int Shoppers)> MeasureAsync(StoreWorkload store)
    {
        var data = Path.Combine(Path.GetTempPath(), $"op-recmem-{Guid.NewGuid():N}");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Sqlite:DataDirectory"] = data,
            ["Storage:Sqlite:Synchronous"] = "Normal",
        });
        builder.Services.AddLogging();
        builder.Services.AddGrainRuntime().AddSqliteGrainStorage().AddPersonalizationGrains();
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            foreach (var chunk in store.ProductIds.Chunk(256))
            {
                await Task.WhenAll(chunk.Select(p => grains.GetGrain<IProductGrain>(p).UpsertCatalogAsync(
                    new CatalogEntry(store.Titles[p], [StoreWorkload.Category(p)], 20, "EUR", true, new Dictionary<string, JsonElement>()))));
            }

            foreach (var chunk in store.Shoppers.Chunk(64))
            {
                await Task.WhenAll(chunk.Select(s => grains.GetGrain<IUserGrain>(ShopperKey.ForAnonymous(s[0].AnonymousId)).TrackAsync(s.Select(Tracked).ToArray())));
            }

            await host.Services.GetRequiredService<ProjectionService>().RunOnceAsync();
            await host.Services.GetRequiredService<CoOccurrenceProjection>().FlushAsync();
            var directory = host.Services.GetRequiredService<ActivationDirectory>();
            await directory.DeactivateAsync(static a => a.GrainId.Type == "user", DeactivationReason.Requested);
            var withProducts = Heap();
            await directory.DeactivateAsync(static a => a.GrainId.Type == "product", DeactivationReason.Requested);
            var without = Heap();
            return ((withProducts - without) / (double)store.ProductIds.Count, store.ProductIds.Count, store.Shoppers.Count);
        }
        finally
        {
            await host.StopAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    private static TrackedMessage Tracked(ShopperMessage m) => new()
    {
        MessageId = m.MessageId,
        Kind = m.Type == "page" ? MessageKind.Page : MessageKind.Track,
        Name = m.Type == "page" ? "Home" : m.Event,
        AnonymousId = m.AnonymousId,
        Timestamp = m.Timestamp,
        ReceivedAt = m.Timestamp,
        Properties = JsonDocument.Parse(m.PropertiesJson).RootElement,
    };

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
