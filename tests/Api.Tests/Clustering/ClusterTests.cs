using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Api.Tests.Processes;
using Orleans.Personalization.Grains;
using Orleans.Personalization.Grains.Events;
using Orleans.Personalization.Grains.State;
using Orleans.Personalization.Runtime.EventSourcing;
using Orleans.Personalization.Runtime.Serialization;
using Orleans.Personalization.Storage.PostgreSql;
using Orleans.Personalization.TestKit;

namespace Orleans.Personalization.Api.Tests.Clustering;

/// <summary>
/// Three real silo processes on one real PostgreSQL: partitions spread and rebalance, any silo serves any
/// shopper, and silos killed and restarted under traffic lose nothing and apply everything once.
/// </summary>
public sealed class ClusterTests : IAsyncLifetime
{
    private const int Shoppers = 2000;
    private PostgreSqlTestDatabase? _database;

    public async Task InitializeAsync()
    {
        if (PostgreSqlTestDatabase.Unavailable is null)
        {
            _database = await PostgreSqlTestDatabase.CreateAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private string ConnectionString
    {
        get
        {
            Skip.If(_database is null, PostgreSqlTestDatabase.Unavailable);
            return _database!.ConnectionString;
        }
    }

    [SkippableFact]
    public async Task SilosShareThePartitionsAndAnySiloServesAnyShopper()
    {
        await using var cluster = new SiloCluster(ConnectionString, 3);
        await cluster.StartAllAsync();
        await cluster.WaitUntilBalancedAsync();

        for (var silo = 0; silo < 3; silo++)
        {
            using var writer = cluster.Client(silo, SiloCluster.WriteKey);
            var response = await writer.PostJsonAsync("/v1/track", $$$"""{"userId":"shopper-{{{silo}}}","event":"Product Viewed","properties":{"product_id":"p{{{silo}}}"}}""");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        for (var silo = 0; silo < 3; silo++)
        {
            using var reader = cluster.Client(silo, SiloCluster.ReadKey);
            for (var shopper = 0; shopper < 3; shopper++)
            {
                var profile = await reader.GetProfileAsync($"shopper-{shopper}");
                Assert.Equal($"p{shopper}", (string)profile["recentlyViewed"]![0]!["productId"]!);
            }
        }

        // Ids with slashes (sent encoded in paths) name the same shopper and product on every silo, also when the
        // call is forwarded to the silo that holds them.
        using (var writer = cluster.Client(0, SiloCluster.WriteKey))
        {
            for (var shopper = 0; shopper < 12; shopper++)
            {
                var response = await writer.PostJsonAsync("/v1/track", $$$"""{"userId":"web/{{{shopper}}}","event":"Product Viewed","properties":{"product_id":"sku/{{{shopper}}}"}}""");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }

        for (var silo = 0; silo < 3; silo++)
        {
            using var reader = cluster.Client(silo, SiloCluster.ReadKey);
            for (var shopper = 0; shopper < 12; shopper++)
            {
                var profile = await reader.GetProfileAsync($"web/{shopper}");
                Assert.Equal($"sku/{shopper}", (string)profile["recentlyViewed"]![0]!["productId"]!);
                var recommendations = await reader.GetAsync($"/v1/recommendations?placement=home&userId={Uri.EscapeDataString($"web/{shopper}")}&count=3");
                Assert.Equal(HttpStatusCode.OK, recommendations.StatusCode);
            }
        }

        var view = await cluster.ClusterViewAsync(1);
        var held = view["silos"]!.AsArray().Select(s => s!["partitions"]!.AsArray().Count).Order().ToArray();
        Assert.Equal([21, 21, 22], held);
    }

    [SkippableFact]
    public async Task KillsAndRestartsUnderTrafficLoseNothingAndApplyEverythingOnce()
    {
        await using var cluster = new SiloCluster(ConnectionString, 3);
        await cluster.StartAllAsync();
        await cluster.WaitUntilBalancedAsync();

        var traffic = Enumerable.Range(0, 3)
            .Select(silo => new ShopperTraffic(cluster.AddressOf(silo), SiloCluster.WriteKey, Shoppers) { BatchSize = 25, MessagePrefix = $"s{silo}" })
            .ToArray();
        using var stop = new CancellationTokenSource();
        var sending = Task.WhenAll(traffic.Select(t => t.SendAsync(batches: 1_000_000, senders: 3, stop.Token)));

        // Kill (and once, stop gracefully) each silo in turn while traffic flows, restarting it each time.
        for (var round = 0; round < 4; round++)
        {
            var victim = round % 3;
            await Eventually.TrueAsync(() => traffic.Sum(t => t.Acknowledged.Count) >= (round + 1) * 1500, "traffic to flow between rounds", TimeSpan.FromSeconds(90));
            if (round == 2)
            {
                // A non-zero exit (134: an unhandled exception aborted the process) names what its output ended with.
                var exit = await cluster.TerminateAsync(victim);
                var output = cluster.OutputOf(victim);
                Assert.True(exit == 0, $"silo {victim} stopped with exit code {exit}; its output ended:\n{output[Math.Max(0, output.Length - 4000)..]}");
            }
            else
            {
                await cluster.KillAsync(victim);
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            await cluster.StartAsync(victim);
        }

        await Eventually.TrueAsync(() => traffic.Sum(t => t.Acknowledged.Count) >= 7500, "traffic after the last restart", TimeSpan.FromSeconds(90));
        await stop.CancelAsync();
        await sending;
        await AssertNothingLostNothingTwiceAsync(cluster, traffic);
    }

    [SkippableFact]
    public async Task TriggersFiredAcrossKillsAreDeliveredUnderOneIdAndNoneIsLost()
    {
        var settings = new Dictionary<string, string>
        {
            ["Webhooks:DenyPrivateNetworks"] = "false",
            ["Webhooks:MaxAttempts"] = "50",
            ["Webhooks:RetryBaseDelay"] = "00:00:00.100",
            ["Webhooks:RetryMaxDelay"] = "00:00:00.500",
            ["Outbox:PollInterval"] = "00:00:00.100",
            ["Silo:ReminderPollInterval"] = "00:00:00.100",
        };
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var cluster = new SiloCluster(ConnectionString, 3, settings);
        await cluster.StartAllAsync();
        await cluster.WaitUntilBalancedAsync();
        using (var admin = cluster.Client(0, SiloCluster.WriteKey))
        {
            (await admin.PatchAsync("/v1/triggers/settings", HttpJson.Body(new
            {
                cartAbandonment = new { delay = "00:00:02" },
                browseAbandonment = new { enabled = false },
                highIntent = new { enabled = false },
            }))).EnsureSuccessStatusCode();
            (await admin.PostJsonAsync("/v1/webhooks", $$$"""{"url":"{{{receiver.Url}}}","types":["cart_abandonment"]}""")).EnsureSuccessStatusCode();
        }

        var traffic = Enumerable.Range(0, 3)
            .Select(silo => new ShopperTraffic(cluster.AddressOf(silo), SiloCluster.WriteKey, 300) { BatchSize = 20, MessagePrefix = $"t{silo}" })
            .ToArray();
        using var stop = new CancellationTokenSource();
        var sending = Task.WhenAll(traffic.Select(t => t.SendAsync(batches: 1_000_000, senders: 2, stop.Token)));
        for (var round = 0; round < 3; round++)
        {
            await Eventually.TrueAsync(() => traffic.Sum(t => t.Acknowledged.Count) >= (round + 1) * 1000, "traffic between rounds", TimeSpan.FromSeconds(90));
            if (round == 2)
            {
                await cluster.TerminateAsync(round);
            }
            else
            {
                await cluster.KillAsync(round);
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            await cluster.StartAsync(round);
        }

        await stop.CancelAsync();
        await sending;
        await cluster.WaitUntilBalancedAsync();

        // Every cart still full at the end has fired for its last state, and every trigger in the outbox has
        // reached the subscriber (none lost)...
        var stored = new StoredCluster(ConnectionString);
        var cartUpdatedAt = await FinalCartTimesAsync(cluster, Enumerable.Range(0, 300).Select(ShopperTraffic.UserId));
        await Eventually.ReturnsAsync(
            () => stored.OutboxAsync("cart_abandonment"),
            outbox =>
            {
                var delivered = receiver.Received.Select(static r => r.Id).ToHashSet();
                return outbox.Where(static t => !t.Withheld).All(t => delivered.Contains(t.Id))
                    && cartUpdatedAt.All(cart => outbox.Any(t => t.ShopperKey == $"u:{cart.Key}" && t.OccurredAt >= cart.Value));
            },
            "every final cart to fire and every trigger to be delivered",
            TimeSpan.FromSeconds(90));

        // ...and nothing reached it under an id the outbox does not hold: no trigger twice with different ids.
        var outboxIds = (await stored.OutboxAsync("cart_abandonment")).Select(static t => t.Id).ToHashSet();
        Assert.All(receiver.Received, r => Assert.Contains(r.Id, outboxIds));
        Assert.NotEmpty(cartUpdatedAt);
    }

    /// <summary>When each shopper's cart last changed, for the shoppers whose cart is not empty.</summary>
    private static async Task<Dictionary<string, DateTimeOffset>> FinalCartTimesAsync(SiloCluster cluster, IEnumerable<string> userIds)
    {
        using var reader = cluster.Client(0, SiloCluster.ReadKey);
        var carts = new Dictionary<string, DateTimeOffset>();
        foreach (var userId in userIds)
        {
            var response = await reader.GetAsync($"/v1/users/{userId}/profile");
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                continue;
            }

            var cart = (await response.ReadJsonAsync())["cart"]!;
            if (cart["items"]!.AsArray().Count > 0)
            {
                carts[userId] = DateTimeOffset.Parse((string)cart["updatedAt"]!, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return carts;
    }

    [SkippableFact]
    public async Task AddedSilosTakeTheirShareUnderTrafficWithoutLosingOrRepeatingEvents()
    {
        await using var cluster = new SiloCluster(ConnectionString, 3);
        await cluster.StartAsync(0);
        var traffic = new[] { new ShopperTraffic(cluster.AddressOf(0), SiloCluster.WriteKey, Shoppers) { BatchSize = 25, MessagePrefix = "s0" } };
        using var stop = new CancellationTokenSource();
        var sending = traffic[0].SendAsync(batches: 1_000_000, senders: 4, stop.Token);

        await Eventually.TrueAsync(() => traffic[0].Acknowledged.Count >= 1000, "traffic to one silo", TimeSpan.FromSeconds(90));
        await cluster.StartAsync(1);
        await Eventually.TrueAsync(() => traffic[0].Acknowledged.Count >= 2000, "traffic while the second silo joins", TimeSpan.FromSeconds(90));
        await cluster.StartAsync(2);
        await cluster.WaitUntilBalancedAsync();
        await Eventually.TrueAsync(() => traffic[0].Acknowledged.Count >= 4000, "traffic after rebalancing", TimeSpan.FromSeconds(90));
        await stop.CancelAsync();
        await sending;

        await AssertNothingLostNothingTwiceAsync(cluster, traffic);
    }

    [SkippableFact]
    public async Task FrozenSiloThatLostItsLeasesCannotWriteWhenItWakes()
    {
        await using var cluster = new SiloCluster(ConnectionString, 2);
        await cluster.StartAllAsync();
        await cluster.WaitUntilBalancedAsync();
        var traffic = Enumerable.Range(0, 2)
            .Select(silo => new ShopperTraffic(cluster.AddressOf(silo), SiloCluster.WriteKey, Shoppers) { BatchSize = 25, MessagePrefix = $"z{silo}" })
            .ToArray();
        using var stop = new CancellationTokenSource();
        var sending = Task.WhenAll(traffic.Select(t => t.SendAsync(batches: 1_000_000, senders: 3, stop.Token)));
        await Eventually.TrueAsync(() => traffic[1].Acknowledged.Count >= 500, "traffic through both silos", TimeSpan.FromSeconds(90));

        // Silo 0 freezes with grains active and writes in flight; silo 1 takes every partition meanwhile.
        cluster.Pause(0);
        await Eventually.ReturnsAsync(
            () => cluster.ClusterViewAsync(1),
            view => view["silos"]!.AsArray().Single(s => (string)s!["siloId"]! == "silo-1")!["partitions"]!.AsArray().Count == 64,
            "silo 1 to hold every partition",
            TimeSpan.FromSeconds(90));
        var acknowledgedWhileFrozen = traffic[1].Acknowledged.Count;
        await Eventually.TrueAsync(() => traffic[1].Acknowledged.Count >= acknowledgedWhileFrozen + 500, "silo 1 to serve alone", TimeSpan.FromSeconds(90));

        // Silo 0 wakes believing it holds its partitions: its writes must be refused until it rejoins.
        cluster.Resume(0);
        await cluster.WaitUntilBalancedAsync();
        await Eventually.TrueAsync(() => traffic[0].Acknowledged.Count >= 1500, "silo 0 to serve again", TimeSpan.FromSeconds(90));
        await stop.CancelAsync();
        await sending;

        await AssertNothingLostNothingTwiceAsync(cluster, traffic);
    }

    /// <summary>
    /// The invariants of issue 3: every acknowledged event stored, none stored twice, sequences without gaps,
    /// lease epochs only growing, every profile equal to a replay of its journal from scratch, and the same
    /// profile from every silo.
    /// </summary>
    private async Task AssertNothingLostNothingTwiceAsync(SiloCluster cluster, ShopperTraffic[] traffic)
    {
        await cluster.WaitUntilBalancedAsync();
        var running = Enumerable.Range(0, cluster.Size).Where(cluster.IsRunning).ToArray();
        var stored = await new StoredCluster(ConnectionString).StreamsAsync();
        var acknowledged = traffic.SelectMany(t => t.Acknowledged).ToArray();
        var storedIds = stored.Values.SelectMany(static e => e.Select(static x => x.MessageId)).ToArray();

        // Every acknowledged event is stored, and no event is stored twice (the failure names the first few twice-stored
        // ids with their streams and sequences, to tell shoppers' messages from events the service derives).
        var twice = stored.SelectMany(static s => s.Value.Select(e => (Stream: s.Key, e.Sequence, e.MessageId)))
            .GroupBy(static e => e.MessageId).Where(static g => g.Count() > 1).Take(10)
            .Select(static g => $"{g.Key} at {string.Join(", ", g.Select(static e => $"{e.Stream}#{e.Sequence}"))}").ToArray();
        Assert.True(twice.Length == 0, $"{storedIds.Length - storedIds.Distinct().Count()} events stored twice, among them: {string.Join("; ", twice)}");
        var storedSet = storedIds.ToHashSet();
        Assert.All(acknowledged, ack => Assert.Contains(ack.MessageId, storedSet));
        Assert.All(stored.Values, events => Assert.Equal(Enumerable.Range(1, events.Count).Select(static i => (long)i), events.Select(static e => e.Sequence)));

        // Each partition's lease passed from owner to owner with a higher epoch each time.
        var history = await new StoredCluster(ConnectionString).LeaseHistoryAsync();
        Assert.All(history.GroupBy(static h => h.Partition), g => Assert.Equal(g.Select(static h => h.Epoch).Order(), g.Select(static h => h.Epoch)));

        // Every profile equals a replay of its journal from scratch, whichever silo answers.
        var journal = new PostgreSqlJournalStore(new PostgreSqlDatabase(Options.Create(new PostgreSqlStorageOptions { ConnectionString = ConnectionString })));
        var streamIds = stored.Keys.ToArray();
        for (var i = 0; i < streamIds.Length; i++)
        {
            var streamId = streamIds[i];
            using var client = cluster.Client(running[i % running.Length], SiloCluster.ReadKey);
            client.DefaultRequestHeaders.Add("X-Cluster-Secret", SiloCluster.Secret);
            var live = await client.GetStringAsync($"/internal/shoppers/{Uri.EscapeDataString(streamId["user/".Length..])}/state");
            var (replayed, version) = await JournalReplay.ReplayAsync<ShopperState, ShopperEvent>(journal, streamId, ShopperJsonContext.Default.ShopperEvent);
            Assert.Equal(stored[streamId].Count, version);
            Assert.Equal(CanonicalJson.Normalize(System.Text.Json.JsonSerializer.Serialize(replayed, ShopperJsonContext.Default.ShopperState)), live);
        }

        // The profile is the same from every silo (for shoppers the traffic reached: how far the message numbers got, and
        // so which shoppers exist, depends on how fast the silos answered).
        var reached = traffic.SelectMany(static t => t.Acknowledged).Select(static a => a.UserId).ToHashSet();
        foreach (var shopper in Enumerable.Range(0, 50).Select(static i => ShopperTraffic.UserId(i * 37 % Shoppers)).Where(reached.Contains))
        {
            var answers = new List<string>();
            foreach (var silo in running)
            {
                using var reader = cluster.Client(silo, SiloCluster.ReadKey);
                var profile = (await reader.GetProfileAsync(shopper)).AsObject();
                profile.Remove("asOf");
                profile["sessions"]!["current"]!.AsObject().Remove("active");
                answers.Add(profile.ToJsonString());
            }

            Assert.Single(answers.Distinct());
        }

        // Recommendations are the same from every silo. Each silo keeps its own copies of popularity (refreshed after
        // 1 s) and of product info (refreshed after Recommendations:ProductInfoTtl, 30 s, when next used), so they
        // may differ for that long after the traffic stops.
        foreach (var query in Enumerable.Range(0, 10).SelectMany(static i => new[]
        {
            $"placement=product_page&productId=p{i * 7 % 50}&anonymousId=cluster-probe&count=5",
            $"placement=home&userId={ShopperTraffic.UserId(i * 53 % Shoppers)}&count=5",
        }))
        {
            await Eventually.ReturnsAsync(
                async () =>
                {
                    var answers = new List<string>();
                    foreach (var silo in running)
                    {
                        using var reader = cluster.Client(silo, SiloCluster.ReadKey);
                        var items = JsonNode.Parse(await reader.GetStringAsync($"/v1/recommendations?{query}"))!["items"]!.AsArray();
                        answers.Add(string.Join(",", items.Select(static item => $"{item!["productId"]}:{item["strategy"]}")));
                    }

                    return answers;
                },
                static answers => answers[0].Length > 0 && answers.Distinct().Count() == 1,
                $"the same non-empty recommendations for {query} from every silo",
                TimeSpan.FromSeconds(90));
        }
    }

    [SkippableFact]
    public async Task SecondSiloWithALiveSilosIdIsRefused()
    {
        await using var cluster = new SiloCluster(ConnectionString, 1);
        await cluster.StartAllAsync();
        var duplicate = new Dictionary<string, string>(cluster.SettingsOf(0));
        await using var second = ServiceProcess.Start(duplicate);

        Assert.Equal(2, await second.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("is held by a live silo", second.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task SiloWithAnotherPartitionCountIsRefused()
    {
        await using var cluster = new SiloCluster(ConnectionString, 1);
        await cluster.StartAllAsync();
        var settings = new Dictionary<string, string>(cluster.SettingsOf(0)) { ["Silo:SiloId"] = "other", ["Silo:PartitionCount"] = "32" };
        await using var other = ServiceProcess.Start(settings);

        Assert.Equal(2, await other.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("was created with 64 partitions", other.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task SiloWithoutTheWebhookSecretKeyIsRefused()
    {
        await using var cluster = new SiloCluster(ConnectionString, 1);
        var settings = cluster.SettingsOf(0);
        settings.Remove("WebhookSecrets:Key");
        await using var silo = ServiceProcess.Start(settings);

        Assert.Equal(2, await silo.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("WebhookSecrets:Key must be set", silo.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task UnreachableDatabaseStopsTheSiloWithAClearMessage()
    {
        _ = ConnectionString;
        await using var cluster = new SiloCluster("Host=127.0.0.1;Port=1;Username=x;Database=nowhere;Timeout=2", 1);
        await using var silo = ServiceProcess.Start(cluster.SettingsOf(0));

        Assert.Equal(2, await silo.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Cannot use PostgreSQL at 127.0.0.1:1/nowhere", silo.Output, StringComparison.Ordinal);
    }
}
