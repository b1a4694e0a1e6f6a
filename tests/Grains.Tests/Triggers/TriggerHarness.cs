using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Personalization.Grains.Events;
using Orleans.Personalization.Grains.Interfaces;
using Orleans.Personalization.Grains.Interfaces.Messages;
using Orleans.Personalization.Grains.Interfaces.Triggers;
using Orleans.Personalization.Grains.Recommendations.CoOccurrence;
using Orleans.Personalization.Grains.Triggers;
using Orleans.Personalization.Runtime.Projections;
using Orleans.Personalization.Runtime.Storage;
using Orleans.Personalization.TestKit;

namespace Orleans.Personalization.Grains.Tests.Triggers;

/// <summary>
/// Shoppers on an in-process silo with a controllable clock: send events "now", move the clock, fire what
/// is due, and read back the triggers each shopper journaled (and what reached the outbox).
/// </summary>
internal sealed class TriggerHarness : IAsyncDisposable
{
    private TriggerHarness(InProcessTestCluster cluster) => Cluster = cluster;

    public InProcessTestCluster Cluster { get; }

    public FakeTimeProvider Clock => Cluster.Clock;

    public DateTimeOffset Now => Clock.GetUtcNow();

    public static async Task<TriggerHarness> StartAsync(Func<TriggerSettings, TriggerSettings>? configure = null)
    {
        var cluster = new InProcessTestCluster(
            services =>
            {
                services.AddPersonalizationGrains();

                // The co-occurrence loop ticks every 100 ms of the silo's clock: moving the fake clock by weeks
                // would run it millions of times. Triggers do not depend on it.
                foreach (var loop in services.Where(static d => d.ImplementationType == typeof(CoOccurrenceLoop)).ToArray())
                {
                    services.Remove(loop);
                }
            },
            new Dictionary<string, string?>
            {
                ["Projections:PollInterval"] = "00:10:00",
                // A projection pass applies co-occurrence at once (the loop that would flush it is removed above).
                ["Recommendations:CoOccurrence:FlushInterval"] = "00:00:00",
                // Long periods, so that moving the fake clock by weeks fires few timer periods.
                ["Silo:LeaseDuration"] = "00:10:00",
                ["Silo:LeaseRenewInterval"] = "00:05:00",
                ["Silo:CollectionInterval"] = "01:00:00",
            });
        await cluster.StartAsync();
        var harness = new TriggerHarness(cluster);
        if (configure is not null)
        {
            await harness.ConfigureAsync(configure);
        }

        return harness;
    }

    public static string NewShopper() => ShopperKey.ForAnonymous(Guid.NewGuid().ToString("N")[..12]);

    public IUserGrain Shopper(string key) => Cluster.GrainFactory.GetGrain<IUserGrain>(key);

    public async Task ConfigureAsync(Func<TriggerSettings, TriggerSettings> configure)
    {
        var grain = Cluster.GrainFactory.GetGrain<ITriggerSettingsGrain>(TriggerSettingsCache.GrainKey);
        await grain.UpdateAsync(configure((await grain.GetAsync()).Settings));
    }

    /// <summary>Sends messages from the shopper, received now.</summary>
    public Task<TrackResult> SendAsync(string key, params Func<DateTimeOffset, string, TrackedMessage>[] messages) =>
        Shopper(key).TrackAsync(messages.Select(m => m(Now, ShopperKey.IdOf(key))).ToArray());

    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await Cluster.Reminders.FireDueRemindersAsync();
    }

    /// <summary>The triggers in the shopper's journal, in order.</summary>
    public async Task<IReadOnlyList<Trigger>> TriggersOf(string key)
    {
        var records = await Cluster.Journal.ReadStreamAsync($"user/{key}", 0);
        return records
            .Where(static r => r.EventType == TriggerOutboxProjection.TriggerEventType)
            .Select(static r => ((TriggerRaised)JsonSerializer.Deserialize(r.Payload, ShopperJsonContext.Default.ShopperEvent)!).Trigger)
            .ToArray();
    }

    public async Task<IReadOnlyList<Trigger>> TriggersOf(string key, string type) =>
        (await TriggersOf(key)).Where(t => t.Type == type).ToArray();

    public async Task<IReadOnlyList<string>> EventTypesOf(string key) =>
        (await Cluster.Journal.ReadStreamAsync($"user/{key}", 0)).Select(static r => r.EventType).ToArray();

    /// <summary>Runs every projection until caught up, then reads the outbox (withheld entries too).</summary>
    public async Task<IReadOnlyList<OutboxEntry>> OutboxAsync()
    {
        await Cluster.Services.GetRequiredService<ProjectionService>().RunOnceAsync();
        return await Cluster.Services.GetRequiredService<IOutboxStore>().ReadAsync(0, 10_000, includeWithheld: true);
    }

    public Task<ReminderEntry?> ReminderAsync(string key, string name) =>
        Cluster.Services.GetRequiredService<IReminderStore>().ReadAsync(new Runtime.GrainId("user", key), name);

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
