using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Orleans.Personalization.BenchKit;
using Orleans.Personalization.TestKit;
using Orleans.Personalization.TriggerBenchmark;

// Trigger benchmark (issue 5): the real service as a child process, with 100,000 carts waiting in durable
// reminders. Measures due-to-delivery latency over SSE and a webhook for carts coming due at a steady rate,
// the same for a burst of carts due together, and webhook deliveries per second to loopback receivers.
var options = BenchmarkOptions.Parse(args);
var culture = CultureInfo.InvariantCulture;
Console.WriteLine(MachineDescription.Describe());
Console.WriteLine(string.Create(culture, $"settings: {options.Pending:N0} pending carts, {options.Measured:N0} measured at {options.Rate}/s with a {options.Delay.TotalSeconds} s delay, burst of {options.Burst:N0}, {options.Receivers} throughput receivers"));

const string WriteKey = "bench-write-key";
const string ReadKey = "bench-read-key";
using var data = new TempDirectory("op-trigger-bench");
await using var service = await ServiceProcess.StartReadyAsync(new Dictionary<string, string>
{
    ["ApiKeys:WriteKeys:0"] = WriteKey,
    ["ApiKeys:ReadKeys:0"] = ReadKey,
    ["Storage:Sqlite:DataDirectory"] = data.Path,
    ["Webhooks:DenyPrivateNetworks"] = "false",
    ["Logging:LogLevel:Default"] = "Warning",
});
using var write = Client(WriteKey);
using var read = Client(ReadKey);

// Only cart abandonment, so every trigger in the stream is one of ours.
await PatchAsync("""{"cartAbandonment":{"delay":"01:00:00"},"highIntent":{"enabled":false},"browseAbandonment":{"enabled":false}}""");

var pendingTime = await SendCartsAsync("pending-", options.Pending, paced: false);
var pendingReminders = CountReminders();
Console.WriteLine(string.Create(culture, $"pending: {options.Pending:N0} carts sent in {pendingTime.TotalSeconds:0.0} s; {pendingReminders:N0} reminders pending"));

// One receiver measures latency from the start; the others are subscribed but disabled until the end.
var latencyReceiver = await WebhookReceiver.StartAsync();
var webhookLatencies = new ConcurrentDictionary<string, double>(StringComparer.Ordinal);
latencyReceiver.Respond = (request, _) =>
{
    var now = DateTimeOffset.UtcNow;
    using var trigger = JsonDocument.Parse(request.Body);
    var shopper = trigger.RootElement.GetProperty("shopper").GetProperty("anonymousIds")[0].GetString()!;
    var dueAt = trigger.RootElement.GetProperty("facts").GetProperty("dueAt").GetDateTimeOffset();
    webhookLatencies.TryAdd(shopper, (now - dueAt).TotalMilliseconds);
    return Task.FromResult(200);
};
await SubscribeAsync(latencyReceiver.Url, enabled: true);
var throughputReceivers = new List<(WebhookReceiver Receiver, string Id)>();
var delivered = 0;
for (var i = 0; i < options.Receivers; i++)
{
    var receiver = await WebhookReceiver.StartAsync();
    receiver.Respond = (_, _) =>
    {
        Interlocked.Increment(ref delivered);
        return Task.FromResult(200);
    };
    throughputReceivers.Add((receiver, await SubscribeAsync(receiver.Url, enabled: false)));
}

await using var stream = TriggerStreamRecorder.Start(read, "/v1/triggers/stream?types=cart_abandonment");
await PatchAsync($$$"""{"cartAbandonment":{"delay":"{{{options.Delay:c}}}"}}""");

// Steady: carts at a fixed rate, each due `delay` after it was sent, while the 100,000 others wait.
await SendCartsAsync("steady-", options.Measured, paced: true);
await stream.WaitForAsync("steady-", options.Measured, options.Delay + TimeSpan.FromMinutes(2));
await WaitAsync(() => webhookLatencies.Keys.Count(k => k.StartsWith("steady-", StringComparison.Ordinal)) >= options.Measured, "steady webhook deliveries");
var steadySse = stream.LatenciesMs("steady-");
var steadyWebhook = webhookLatencies.Where(p => p.Key.StartsWith("steady-", StringComparison.Ordinal)).Select(p => p.Value).ToArray();

// Burst: carts sent as fast as the service takes them, so they come due together.
var burstWatch = Stopwatch.StartNew();
var burstSend = await SendCartsAsync("burst-", options.Burst, paced: false);
await stream.WaitForAsync("burst-", options.Burst, options.Delay + TimeSpan.FromMinutes(5));
var burstAll = burstWatch.Elapsed;
await WaitAsync(() => webhookLatencies.Keys.Count(k => k.StartsWith("burst-", StringComparison.Ordinal)) >= options.Burst, "burst webhook deliveries");
var burstSse = stream.LatenciesMs("burst-");
var burstWebhook = webhookLatencies.Where(p => p.Key.StartsWith("burst-", StringComparison.Ordinal)).Select(p => p.Value).ToArray();

// Webhook throughput: the disabled subscriptions hold the steady and burst triggers as a backlog; enable them all.
var backlog = (options.Measured + options.Burst) * options.Receivers;
var throughputWatch = Stopwatch.StartNew();
foreach (var (_, id) in throughputReceivers)
{
    (await write.PatchAsync($"/v1/webhooks/{id}", Json("""{"enabled":true}"""))).EnsureSuccessStatusCode();
}

await WaitAsync(() => Volatile.Read(ref delivered) >= backlog, "the webhook backlog");
var throughput = backlog / throughputWatch.Elapsed.TotalSeconds;

Console.WriteLine();
Console.WriteLine("| measurement | p50 | p99 | max | count |");
Console.WriteLine("| --- | --- | --- | --- | --- |");
Row($"steady {options.Rate}/s, due → SSE", steadySse);
Row($"steady {options.Rate}/s, due → webhook", steadyWebhook);
Row($"burst of {options.Burst:N0}, due → SSE", burstSse);
Row($"burst of {options.Burst:N0}, due → webhook", burstWebhook);
Console.WriteLine();
Console.WriteLine(string.Create(culture, $"burst: {options.Burst:N0} carts sent in {burstSend.TotalSeconds:0.0} s, all their triggers on SSE {burstAll.TotalSeconds:0.0} s after the first was sent"));
Console.WriteLine(string.Create(culture, $"webhooks: {backlog:N0} deliveries to {options.Receivers} loopback receivers in {throughputWatch.Elapsed.TotalSeconds:0.0} s = {throughput:N0} deliveries/s"));
Console.WriteLine(string.Create(culture, $"reminders pending during the steady phase: {pendingReminders:N0} (+ the measured ones); still pending at the end: {CountReminders():N0}"));
foreach (var (receiver, _) in throughputReceivers)
{
    await receiver.DisposeAsync();
}

await latencyReceiver.DisposeAsync();
return;

HttpClient Client(string key)
{
    var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 }) { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));
    return client;
}

static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

async Task PatchAsync(string json) => (await write.PatchAsync("/v1/triggers/settings", Json(json))).EnsureSuccessStatusCode();

async Task<string> SubscribeAsync(Uri url, bool enabled)
{
    var response = await write.PostAsync("/v1/webhooks", Json($$"""{"url":"{{url}}","types":["cart_abandonment"],"enabled":{{(enabled ? "true" : "false")}}}"""));
    response.EnsureSuccessStatusCode();
    using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    return created.RootElement.GetProperty("id").GetString()!;
}

// Carts in batches of 100 shoppers: paced at the measured rate, or 8 batches in flight as fast as they go.
async Task<TimeSpan> SendCartsAsync(string prefix, int count, bool paced)
{
    const int BatchSize = 100;
    var batches = (count + BatchSize - 1) / BatchSize;
    var watch = Stopwatch.StartNew();
    var next = -1;
    async Task SendBatchAsync(int batch)
    {
        var messages = Enumerable.Range(batch * BatchSize, Math.Min(BatchSize, count - (batch * BatchSize))).Select(i =>
            $$$"""{"type":"track","anonymousId":"{{{prefix}}}{{{i}}}","event":"Product Added","properties":{"product_id":"p{{{i % 500}}}","price":20}}""");
        (await write.PostAsync("/v1/batch", Json($$"""{"batch":[{{string.Join(',', messages)}}]}"""))).EnsureSuccessStatusCode();
    }

    if (paced)
    {
        var interval = TimeSpan.FromSeconds(BatchSize / (double)options.Rate);
        var sends = new List<Task>();
        for (var batch = 0; batch < batches; batch++)
        {
            var wait = interval * batch - watch.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            sends.Add(SendBatchAsync(batch));
        }

        await Task.WhenAll(sends);
    }
    else
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            int batch;
            while ((batch = Interlocked.Increment(ref next)) < batches)
            {
                await SendBatchAsync(batch);
            }
        }));
    }

    return watch.Elapsed;
}

long CountReminders()
{
    using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(data.Path, "personalization.db"),
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = false,
    }.ToString());
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT COUNT(*) FROM reminders WHERE name = 'trigger:cart-abandonment';";
    return (long)command.ExecuteScalar()!;
}

static async Task WaitAsync(Func<bool> done, string what)
{
    var watch = Stopwatch.StartNew();
    while (!done())
    {
        if (watch.Elapsed > TimeSpan.FromMinutes(10))
        {
            throw new TimeoutException($"gave up waiting for {what}");
        }

        await Task.Delay(50);
    }
}

void Row(string name, double[] latencies) => Console.WriteLine(string.Create(culture,
    $"| {name} | {Percentiles.Of(latencies, 50):N0} ms | {Percentiles.Of(latencies, 99):N0} ms | {latencies.DefaultIfEmpty(double.NaN).Max():N0} ms | {latencies.Length:N0} |"));
