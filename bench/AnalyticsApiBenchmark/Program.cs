using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Orleans.Personalization.AnalyticsApiBenchmark;
using Orleans.Personalization.BenchKit;

// Analytics API benchmark (issue 6): the real server over loopback. Loads a reproducible month of traffic
// (1,000,000 track and page calls from 100,000 shoppers) through /v1/batch, waits until the analytics read model
// holds every shopper record, then times funnels, metric queries and attribution through the HTTP API.
var options = BenchmarkOptions.Parse(args);
var culture = CultureInfo.InvariantCulture;
Console.WriteLine(MachineDescription.Describe());
var generation = Stopwatch.StartNew();
var (batches, identifies) = StoreTraffic.Generate(options.Events, options.Shoppers, options.Seed);
Console.WriteLine(string.Create(culture, $"traffic: {options.Events:N0} events from {options.Shoppers:N0} shoppers ({identifies:N0} log in half-way), {batches.Count:N0} batches, generated in {generation.ElapsedMilliseconds} ms"));

long heldEvents;
string dataDirectory;
var rows = new List<string>();
await using (var server = await BenchServer.StartAsync([], keepData: true))
{
    dataDirectory = server.DataDirectory;
    using var write = server.Client(BenchServer.WriteKey, options.Clients);
    using var read = server.Client(BenchServer.ReadKey, 4);

    var ingest = Stopwatch.StartNew();
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async _ =>
    {
        for (var i = Interlocked.Increment(ref next); i < batches.Count; i = Interlocked.Increment(ref next))
        {
            using var content = new ByteArrayContent(batches[i]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await write.PostAsync("/v1/batch", content);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"batch {i} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }
    }));
    ingest.Stop();
    var expected = ShopperRecords(server.DataDirectory);
    Console.WriteLine(string.Create(culture, $"ingest: {options.Events + identifies:N0} messages acknowledged in {ingest.Elapsed.TotalSeconds:0.0} s ({(options.Events + identifies) / ingest.Elapsed.TotalSeconds:N0} messages/s); {expected:N0} shopper records in the journal for the read model"));

    var catchUp = Stopwatch.StartNew();
    JsonNode status;
    while ((long)(status = JsonNode.Parse(await read.GetStringAsync("/v1/analytics/status"))!)["recordsRead"]! < expected)
    {
        await Task.Delay(50);
    }

    heldEvents = (long)status["eventsHeld"]!;
    Console.WriteLine(string.Create(culture, $"read model: every record read {catchUp.Elapsed.TotalSeconds:0.0} s after the last acknowledgement; {heldEvents:N0} events held, {(int)status["shoppers"]!:N0} shopper streams, {(int)status["identityMerges"]!:N0} identity merges"));
    var (workingSet, _) = server.WorkingSet();
    Console.WriteLine(string.Create(culture, $"server working set after loading: {workingSet / 1048576.0:N0} MiB"));

    var range = $"from={StoreTraffic.Start:yyyy-MM-ddTHH:mm:ssZ}&to={StoreTraffic.End:yyyy-MM-ddTHH:mm:ssZ}";
    var funnelSteps = """[{"event":"Product Viewed"},{"event":"Product Added"},{"event":"Checkout Started"},{"event":"Order Completed"}]""";
    string Funnel(string extra) => $$"""{"steps":{{funnelSteps}},"from":"{{StoreTraffic.Start:yyyy-MM-ddTHH:mm:ssZ}}","to":"{{StoreTraffic.End:yyyy-MM-ddTHH:mm:ssZ}}"{{extra}}}""";
    var queries = new (string Name, Func<Task<string>> Run, Func<JsonNode, string> Describe)[]
    {
        ("funnel, 4 steps, ordered", () => PostAsync(read, "/v1/analytics/funnels", Funnel("")), FunnelCounts),
        ("funnel, 4 steps, strict", () => PostAsync(read, "/v1/analytics/funnels", Funnel(",\"order\":\"strict\"")), FunnelCounts),
        ("funnel, 4 steps, unordered", () => PostAsync(read, "/v1/analytics/funnels", Funnel(",\"order\":\"unordered\"")), FunnelCounts),
        ("funnel, 4 steps, ordered + exclusion + device breakdown", () => PostAsync(read, "/v1/analytics/funnels", Funnel(""" ,"exclusions":[{"event":"Product Removed"}],"breakdown":"device" """.Trim())), FunnelCounts),
        ("metrics, whole range", () => read.GetStringAsync($"/v1/analytics/metrics?{range}"), MetricCounts),
        ("metrics, by day (35 buckets)", () => read.GetStringAsync($"/v1/analytics/metrics?{range}&granularity=day"), MetricCounts),
        ("metrics, by utm_source", () => read.GetStringAsync($"/v1/analytics/metrics?{range}&breakdown=utm_source"), MetricCounts),
        ("metrics, by trait:plan", () => read.GetStringAsync($"/v1/analytics/metrics?{range}&breakdown=trait:plan"), MetricCounts),
        ("attribution, linear, 30-day lookback", () => read.GetStringAsync($"/v1/analytics/attribution?{range}&model=linear"), AttributionCounts),
    };

    foreach (var (name, run, describe) in queries)
    {
        var answer = JsonNode.Parse(await run())!;
        var times = new List<double>();
        for (var i = 0; i < options.Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        rows.Add(string.Create(culture, $"| {name} | {describe(answer)} | {times[0]:N0} | {times[times.Count / 2]:N0} |"));
    }

    var (after, peak) = server.WorkingSet();
    rows.Add(string.Create(culture, $"| server working set after the queries / peak | {after / 1048576.0:N0} MiB / {peak / 1048576.0:N0} MiB | | |"));
}

Console.WriteLine();
Console.WriteLine(string.Create(culture, $"| query ({options.Runs} timed runs after one warm-up, HTTP round trip) | answer | min ms | median ms |"));
Console.WriteLine("| --- | --- | ---: | ---: |");
rows.ForEach(Console.WriteLine);

Console.WriteLine();
Console.WriteLine("replaying the server's journal into a read model in this process (memory of the read model alone)...");
var (heap, replayed, replay) = ReadModelProbe.Measure(dataDirectory);
Console.WriteLine(string.Create(culture, $"read model: {replayed.EventsHeld:N0} events, {replayed.Shoppers:N0} streams, rebuilt in {replay.TotalSeconds:0.0} s, managed heap {heap / 1048576.0:N1} MiB = {(double)heap / replayed.EventsHeld:N0} bytes per event held"));
Directory.Delete(dataDirectory, recursive: true);

static async Task<string> PostAsync(HttpClient client, string path, string body)
{
    using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
    using var response = await client.PostAsync(path, content);
    var text = await response.Content.ReadAsStringAsync();
    return response.IsSuccessStatusCode ? text : throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {text}");
}

static string FunnelCounts(JsonNode funnel) =>
    string.Join(" → ", funnel["steps"]!.AsArray().Select(static s => ((int)s!["entered"]!).ToString("N0", CultureInfo.InvariantCulture))) + " people";

static string MetricCounts(JsonNode metrics)
{
    var overall = metrics["overall"]!;
    return string.Create(CultureInfo.InvariantCulture, $"{(int)overall["shoppers"]!:N0} shoppers, {(int)overall["sessions"]!:N0} sessions, conversion {(double)overall["shopperConversionRate"]!:P1}");
}

static string AttributionCounts(JsonNode attribution) =>
    string.Create(CultureInfo.InvariantCulture, $"{(int)attribution["totalConversions"]!:N0} conversions over {attribution["channels"]!.AsArray().Count} channels");

static long ShopperRecords(string dataDirectory)
{
    using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDirectory, "personalization.db"),
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = false,
    }.ToString());
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT COUNT(*) FROM journal WHERE stream_id LIKE 'user/%' AND event_type NOT IN ('anonymous-history-merged', 'trigger-raised');";
    return (long)command.ExecuteScalar()!;
}
