using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Orleans.Personalization.TestKit;

namespace Orleans.Personalization.Api.Tests.Processes;

/// <summary>
/// The real service in a child process, killed without warning or stopped by SIGTERM, then restarted on the
/// same data folder: every acknowledged event must be there, applied once.
/// </summary>
public sealed class DurabilityTests : IDisposable
{
    private const string WriteKey = "proc-write-key";
    private const string ReadKey = "proc-read-key";
    private const int Shoppers = 40;
    private readonly TempDirectory _data = new("op-proc");

    private Dictionary<string, string> Settings => new()
    {
        ["ApiKeys:WriteKeys:0"] = WriteKey,
        ["ApiKeys:ReadKeys:0"] = ReadKey,
        ["Storage:Sqlite:DataDirectory"] = _data.Path,
        ["Silo:ClusterSecret"] = Secret,
    };

    private const string Secret = "durability-test-secret-0123456789";

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task ProfilesAreUnchangedAfterAKillRightAfterTheAcknowledgements()
    {
        Dictionary<string, string> before;
        await using (var first = await ServiceProcess.StartReadyAsync(Settings))
        {
            var traffic = new ShopperTraffic(first.BaseAddress, WriteKey, Shoppers);
            await traffic.SendAsync(batches: 30, senders: 4);
            Assert.Equal(0, traffic.Failed);
            before = await ReadStatesAsync(first);
            await first.KillAsync();
        }

        await using var second = await ServiceProcess.StartReadyAsync(Settings);
        var after = await ReadStatesAsync(second);

        Assert.Equal(Shoppers, after.Count);
        Assert.All(before, pair => Assert.Equal(pair.Value, after[pair.Key]));
    }

    [Fact]
    public async Task EveryAcknowledgedEventSurvivesAKillInTheMiddleOfTraffic()
    {
        ShopperTraffic traffic;
        await using (var first = await ServiceProcess.StartReadyAsync(Settings))
        {
            traffic = new ShopperTraffic(first.BaseAddress, WriteKey, Shoppers) { BatchSize = 20 };
            using var stop = new CancellationTokenSource();
            var sending = traffic.SendAsync(batches: 100_000, senders: 8, stop.Token);
            await Eventually.TrueAsync(() => traffic.Acknowledged.Count >= 2_000, "2,000 acknowledged events");
            await first.KillAsync();
            await stop.CancelAsync();
            await sending;
        }

        await using var second = await ServiceProcess.StartReadyAsync(Settings);
        var stored = new StoredJournal(_data.Path).MessageIdsByStream();
        var storedIds = stored.Values.SelectMany(static ids => ids).ToHashSet();

        Assert.All(traffic.Acknowledged, ack => Assert.Contains(ack.MessageId, storedIds));
        Assert.Equal(storedIds.Count, stored.Values.Sum(static ids => ids.Count));
        var profiles = await ReadProfilesAsync(second);
        foreach (var (streamId, ids) in stored)
        {
            var userId = streamId["user/u:".Length..];
            // Triggers the service raised itself are journaled too, but they are not the shopper's events.
            Assert.Equal(ids.Count(static id => !id.StartsWith("trigger:", StringComparison.Ordinal)), (int)JsonNode.Parse(profiles[userId])!["eventCount"]!);
        }
    }

    [Fact]
    public async Task TerminateDrainsInFlightRequestsAndWritesSnapshots()
    {
        ShopperTraffic traffic;
        int exitCode;
        await using (var service = await ServiceProcess.StartReadyAsync(Settings))
        {
            traffic = new ShopperTraffic(service.BaseAddress, WriteKey, Shoppers) { BatchSize = 20 };
            using var stop = new CancellationTokenSource();
            var sending = traffic.SendAsync(batches: 100_000, senders: 8, stop.Token);
            await Eventually.TrueAsync(() => traffic.Acknowledged.Count >= 1_000, "1,000 acknowledged events");
            exitCode = await service.TerminateAsync();
            await stop.CancelAsync();
            await sending;
        }

        var journal = new StoredJournal(_data.Path);
        var stored = journal.MessageIdsByStream();
        var snapshots = journal.SnapshotVersions();
        var storedIds = stored.Values.SelectMany(static ids => ids).ToHashSet();

        Assert.Equal(0, exitCode);
        Assert.All(traffic.Acknowledged, ack => Assert.Contains(ack.MessageId, storedIds));
        Assert.All(stored, stream => Assert.Equal(stream.Value.Count, snapshots.GetValueOrDefault(stream.Key)));
    }

    [Fact]
    public async Task SecondServiceOnTheSameDataFolderRefusesToStart()
    {
        await using var first = await ServiceProcess.StartReadyAsync(Settings);
        await using var second = ServiceProcess.Start(Settings);

        var exitCode = await second.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains("in use by another silo process", second.Output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await first.CreateClient().GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task ChangedPartitionCountIsRefusedAndHarmsNothing()
    {
        await using (var first = await ServiceProcess.StartReadyAsync(Settings))
        {
            await new ShopperTraffic(first.BaseAddress, WriteKey, Shoppers).SendAsync(batches: 2, senders: 1);
            await first.TerminateAsync();
        }

        var storedBefore = new StoredJournal(_data.Path).MessageIdsByStream().Values.Sum(static ids => ids.Count);
        await using var changed = ServiceProcess.Start(new Dictionary<string, string>(Settings) { ["Silo:PartitionCount"] = "16" });

        Assert.Equal(2, await changed.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("created with 64 partitions", changed.Output, StringComparison.Ordinal);
        Assert.Equal(storedBefore, new StoredJournal(_data.Path).MessageIdsByStream().Values.Sum(static ids => ids.Count));
    }

    [Theory]
    [InlineData("Silo:PartitionCount", "0", "PartitionCount")]
    [InlineData("Storage:Sqlite:Synchronous", "Sometimes", "Storage:Sqlite:Synchronous must be Full or Normal")]
    [InlineData("ApiKeys:WriteKeys:0", null, "ApiKeys:WriteKeys is empty")]
    [InlineData("WebhookSecrets:Key", "c2hvcnQ=", "WebhookSecrets:Key must be 32 bytes in base64")]
    public async Task BadSettingStopsTheServiceWithAClearMessage(string key, string? value, string expected)
    {
        var settings = Settings;
        if (value is null)
        {
            settings.Remove(key);
        }
        else
        {
            settings[key] = value;
        }

        await using var service = ServiceProcess.Start(settings);

        Assert.Equal(2, await service.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("cannot start: ", service.Output, StringComparison.Ordinal);
        Assert.Contains(expected, service.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Each shopper's in-memory state as canonical JSON (which, unlike a profile, holds no value computed at
    /// read time such as decayed weights); shoppers with no events are left out.
    /// </summary>
    private static async Task<Dictionary<string, string>> ReadStatesAsync(ServiceProcess service)
    {
        using var client = service.CreateClient();
        client.DefaultRequestHeaders.Add("X-Cluster-Secret", Secret);
        var states = new Dictionary<string, string>();
        for (var shopper = 0; shopper < Shoppers; shopper++)
        {
            var userId = ShopperTraffic.UserId(shopper);
            var state = await client.GetStringAsync($"/internal/shoppers/u:{userId}/state");
            if (JsonNode.Parse(state)!["eventCount"] is { } count && (long)count > 0)
            {
                states[userId] = state;
            }
        }

        return states;
    }

    private static async Task<Dictionary<string, string>> ReadProfilesAsync(ServiceProcess service)
    {
        using var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(ReadKey + ":")));
        var profiles = new Dictionary<string, string>();
        for (var shopper = 0; shopper < Shoppers; shopper++)
        {
            var userId = ShopperTraffic.UserId(shopper);
            var response = await client.GetAsync($"/v1/users/{userId}/profile");
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                continue;
            }

            var profile = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            profile.Remove("asOf");
            profile["sessions"]!["current"]!.AsObject().Remove("active");
            profiles[userId] = profile.ToJsonString();
        }

        return profiles;
    }
}
