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
/// activates N shoppers with a typical profile; the heap after a full collection, minus the heap before,
/// divided by N.
/// </summary>
internal static class MemoryProbe
{
    /// <summary>
    /// A typical shopper: a landing page, 8 product views over 3 categories, 2 adds to cart and a search
    /// (12 events, about 3 times the median YooChoose session).
    /// </summary>
    public static IReadOnlyList<TrackedMessage> TypicalShopper(int shopper, DateTimeOffset start)
    {
        var anonymousId = $"mem-{shopper}";
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
    /// co-occurrence projection switched off, so no product grains are activated); otherwise the whole service,
    /// including the product grains the shoppers' events create and the read model's copy of their events.
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
            await ActivateAsync(grains, -200, 0, start);
            var before = Heap();
            await ActivateAsync(grains, 0, shoppers, start);
            var after = Heap();
            var activations = host.Services.GetRequiredService<ActivationDirectory>().Count;
            return ((after - before) / (double)shoppers, activations);
        }
        finally
        {
            await host.StopAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task ActivateAsync(IGrainFactory grains, int from, int to, DateTimeOffset start)
    {
        const int Parallel = 64;
        for (var first = from; first < to; first += Parallel)
        {
            await Task.WhenAll(Enumerable.Range(first, Math.Min(Parallel, to - first)).Select(shopper =>
                grains.GetGrain<IUserGrain>(ShopperKey.ForAnonymous($"mem-{shopper}")).TrackAsync(TypicalShopper(shopper, start))));
        }
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
