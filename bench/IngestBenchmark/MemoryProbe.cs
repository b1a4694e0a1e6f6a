using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Personalization.Grains;
using Orleans.Personalization.Grains.Interfaces;
using Orleans.Personalization.Grains.Interfaces.Messages;
using Orleans.Personalization.Runtime;
using Orleans.Personalization.Runtime.Activation;
using Orleans.Personalization.Runtime.Hosting;
using Orleans.Personalization.Storage.Sqlite;

namespace Orleans.Personalization.IngestBenchmark;

/// <summary>
/// Managed heap per active shopper: a silo in this process (the real runtime, grains and SQLite storage)
/// activates N shoppers with a typical profile after <see cref="WarmUpShoppers"/> others; the heap after a full
/// collection, minus the heap before, divided by N.
/// </summary>
internal static class MemoryProbe
{
    /// <summary>Shoppers activated before the first reading: 96,000 events, more than the journal tail holds.</summary>
    public const int WarmUpShoppers = 8_000;

    /// <summary>
    /// A typical shopper: a landing page, 8 product views over 3 categories, 2 adds to cart and a search
    /// (12 events, about 3 times the median YooChoose session).
    /// </summary>
    public static IReadOnlyList<TrackedMessage> TypicalShopper(string anonymousId, int shopper, DateTimeOffset start)
    {
        var messages = new List<TrackedMessage> { Message(anonymousId, 0, MessageKind.Page, "Home", "{}", start) };
        for (var i = 0; i < 8; i++)
        {
            var product = 214_500_000 + (shopper * 13 + i * 7) % 5_000;
            messages.Add(Message(anonymousId, messages.Count, MessageKind.Track, "Product Viewed",
                $$"""{"product_id":"{{product}}","category":"cat-{{(shopper + i) % 3}}","price":{{20 + i * 5}}}""", start.AddMinutes(i)));
        }

        for (var i = 0; i < 2; i++)
        {
            messages.Add(Message(anonymousId, messages.Count, MessageKind.Track, "Product Added",
                $$"""{"product_id":"{{214_500_000 + shopper % 5_000}}","category":"cat-1","price":35,"quantity":1}""", start.AddMinutes(9 + i)));
        }

        messages.Add(Message(anonymousId, messages.Count, MessageKind.Track, "Products Searched", """{"query":"trail running shoes"}""", start.AddMinutes(12)));
        return messages;
    }

    /// <summary>
    /// Heap per shopper. <paramref name="shopperAlone"/>: the shopper grains only (the analytics read model and the
    /// co-occurrence projection switched off); otherwise the whole service, including the product grains' co-occurrence
    /// state the shoppers' events add and the read model's copy of their events.
    /// </summary>
    public static async Task<(double BytesPerShopper, int Activations)> MeasureAsync(int shoppers, bool shopperAlone)
    {
        var data = Path.Combine(Path.GetTempPath(), $"op-mem-{Guid.NewGuid():N}");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Sqlite:DataDirectory"] = data,
            ["Storage:Sqlite:Synchronous"] = "Normal",
            ["Analytics:Enabled"] = shopperAlone ? "false" : "true",
            ["Recommendations:CoOccurrence:Enabled"] = shopperAlone ? "false" : "true",
        });
        builder.Services.AddLogging();
        builder.Services.AddGrainRuntime().AddSqliteGrainStorage().AddPersonalizationGrains();
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            var start = new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);
            // Warm-up shoppers first, so that fixed-size structures are full before the first reading: the storage
            // keeps each partition's newest 1,024 journal records in memory (64 × 1,024 records, whatever the
            // number of shoppers), and the products the events name (the same 5,000 for every group of shoppers) are
            // active. What the heap grows by after that is what each further shopper costs.
            var directory = host.Services.GetRequiredService<ActivationDirectory>();
            await ActivateAsync(grains, "mem-warm-", WarmUpShoppers, start);
            var before = await SettledHeapAsync();
            var activationsBefore = directory.Count;
            await ActivateAsync(grains, "mem-", shoppers, start);
            var after = await SettledHeapAsync();
            return ((after - before) / (double)shoppers, directory.Count - activationsBefore);
        }
        finally
        {
            await host.StopAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task ActivateAsync(IGrainFactory grains, string prefix, int count, DateTimeOffset start)
    {
        const int Parallel = 64;
        for (var first = 0; first < count; first += Parallel)
        {
            await Task.WhenAll(Enumerable.Range(first, Math.Min(Parallel, count - first)).Select(shopper =>
                grains.GetGrain<IUserGrain>(ShopperKey.ForAnonymous($"{prefix}{shopper}")).TrackAsync(TypicalShopper($"{prefix}{shopper}", shopper, start))));
        }
    }

    /// <summary>
    /// The heap once the silo's background work on what was just ingested is done: projections (triggers, watch index)
    /// read the new journal records in batches, and a reading taken while a batch is in flight counts it. The heap is
    /// read until two readings a second apart agree within 1 % (at most 30 s).
    /// </summary>
    private static async Task<long> SettledHeapAsync()
    {
        var previous = Heap();
        for (var attempt = 0; attempt < 30; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var current = Heap();
            if (Math.Abs(current - previous) < previous / 100)
            {
                return current;
            }

            previous = current;
        }

        return previous;
    }

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static TrackedMessage Message(string anonymousId, int n, MessageKind kind, string name, string properties, DateTimeOffset at) => new()
    {
        MessageId = $"{anonymousId}-{n}",
        Kind = kind,
        Name = name,
        AnonymousId = anonymousId,
        Timestamp = at,
        ReceivedAt = at,
        Properties = JsonDocument.Parse(properties).RootElement,
    };
}
