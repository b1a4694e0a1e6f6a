using Microsoft.Extensions.DependencyInjection;
using Orleans.Personalization.Grains.Interfaces.Triggers;
using Orleans.Personalization.Runtime.Projections;
using Orleans.Personalization.Runtime.Storage;
using static Orleans.Personalization.Grains.Tests.Triggers.Shop;

namespace Orleans.Personalization.Grains.Tests.Triggers;

public sealed class TriggerOutboxTests : IAsyncLifetime
{
    private TriggerHarness _shop = null!;

    public async Task InitializeAsync() => _shop = await TriggerHarness.StartAsync(s => s with { HighIntent = s.HighIntent with { Threshold = 30, Cooldown = TimeSpan.Zero } });

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task EveryJournaledTriggerReachesTheOutboxOnceInEachShoppersOrder()
    {
        var shoppers = Enumerable.Range(0, 8).Select(_ => TriggerHarness.NewShopper()).ToArray();
        foreach (var round in Enumerable.Range(0, 3))
        {
            foreach (var key in shoppers)
            {
                await _shop.SendAsync(key, Add($"p{round}"));
            }

            await _shop.AdvanceAsync(TimeSpan.FromHours(2));
        }

        var outbox = await _shop.OutboxAsync();
        foreach (var key in shoppers)
        {
            var journaled = await _shop.TriggersOf(key);
            Assert.Equal(6, journaled.Count);
            Assert.Equal(journaled.Select(t => t.Id), outbox.Where(e => e.Key == key).Select(e => e.MessageId));
        }

        Assert.Equal(outbox.Count, outbox.Select(e => e.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task ReplayingTheJournalFromTheStartAddsNothingTwice()
    {
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, Add("p1"));
        await _shop.AdvanceAsync(TimeSpan.FromHours(1));
        var before = await _shop.OutboxAsync();

        // As after a crash between the outbox write and the checkpoint: the projection reads everything again.
        var projection = _shop.Cluster.Services.GetServices<IPartitionProjection>().Single(p => p.Name == "trigger-outbox");
        var journal = _shop.Cluster.Services.GetRequiredService<IJournalStore>();
        for (var partition = 0; partition < 64; partition++)
        {
            var records = await journal.ReadPartitionAsync(partition, 0, 100_000);
            await projection.ProjectAsync(partition, records.Where(r => projection.Accepts(r.EventType)).ToArray(), CancellationToken.None);
        }

        var after = await _shop.OutboxAsync();
        Assert.Equal(before.Select(e => (e.Sequence, e.MessageId)), after.Select(e => (e.Sequence, e.MessageId)));
        Assert.Equal([TriggerTypes.HighIntent, TriggerTypes.CartAbandonment], after.Where(e => e.Key == key).Select(e => e.Type));
    }
}
