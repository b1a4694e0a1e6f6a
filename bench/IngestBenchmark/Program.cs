using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Orleans.Personalization.BenchKit;
using Orleans.Personalization.IngestBenchmark;

// Ingest benchmark (issue 2): the real server over loopback. One run measures the trivial-endpoint
// ceiling, durable ingestion through /v1/batch, checks every acknowledged event is in the journal, and
// measures managed heap per active shopper.
var options = BenchmarkOptions.Parse(args);
var culture = CultureInfo.InvariantCulture;
Console.WriteLine(MachineDescription.Describe());
Console.WriteLine(string.Create(culture, $"settings: {options.Clients} clients, {options.BatchSize} events per batch, warm-up {options.Warmup.TotalSeconds} s, measured {options.Duration.TotalSeconds} s, SQLite synchronous={options.Synchronous}"));

var templates = Workload.BuildBatchTemplates(options.DataFile, options.BatchSize);
var eventsPerBatch = templates.Select(Workload.MessagesIn).ToArray();
var runId = DateTime.UtcNow.Ticks.ToString(culture);

if (options.ServerSettings.Count > 0)
{
    Console.WriteLine("server settings: " + string.Join(", ", options.ServerSettings.Select(static s => $"{s.Key}={s.Value}")));
}

await using (var server = await BenchServer.StartAsync(options.ServerSettings.Prepend(new("Storage:Sqlite:Synchronous", options.Synchronous))))
{
    using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients }) { BaseAddress = server.BaseAddress };
    var runner = new LoadRunner(client, options.Clients);

    var ceiling = await runner.RunAsync(_ => new HttpRequestMessage(HttpMethod.Get, "/health/live"), options.Warmup, options.Duration);
    var ingestCpu = CpuShare.Start(server);
    var measuredFrom = Stopwatch.GetTimestamp() + (long)(options.Warmup.TotalSeconds * Stopwatch.Frequency);
    var triggerLag = TriggerLag.Follow(server.BaseAddress, measuredFrom);
    var ingest = await runner.RunAsync(
        n => LoadRunner.Post("/v1/batch", Workload.Body(templates, n, runId), BenchServer.WriteKey), options.Warmup, options.Duration);
    var ingestCores = ingestCpu.StopAndDescribe();
    var triggers = await triggerLag.StopAndDescribeAsync();
    var measuredTo = Stopwatch.GetTimestamp();
    // Each statistics line covers the 5 s before it: the ones wholly inside the measured phase.
    var writer = WriterStatistics.Describe(server.WriterStatisticsSince(measuredFrom + 5 * Stopwatch.Frequency)
        .Where(s => s.At <= measuredTo).Select(static s => s.Line));

    var acknowledged = ingest.SucceededRequestNumbers.Sum(n => (long)eventsPerBatch[n % templates.Count]);
    var measuredEvents = ingest.Requests * (double)eventsPerBatch.Average();
    var journalRows = CountJournal(server.DataDirectory);

    Console.WriteLine();
    Console.WriteLine("| measurement | value |");
    Console.WriteLine("| --- | --- |");
    Console.WriteLine(string.Create(culture, $"| ceiling: GET /health/live | {ceiling.RequestsPerSecond:N0} requests/s, p50 {ceiling.Percentile(50):0.00} ms, p99 {ceiling.Percentile(99):0.00} ms |"));
    Console.WriteLine(string.Create(culture, $"| ingest: POST /v1/batch | {ingest.RequestsPerSecond:N0} batches/s = {measuredEvents / ingest.Elapsed.TotalSeconds:N0} events/s durable, p50 {ingest.Percentile(50):0.0} ms, p99 {ingest.Percentile(99):0.0} ms, {ingest.Failures} failures |"));
    Console.WriteLine(string.Create(culture, $"| CPU during ingest (warm-up included) | {ingestCores} |"));
    Console.WriteLine(string.Create(culture, $"| SQLite writer during the measured phase | {writer} |"));
    Console.WriteLine(string.Create(culture, $"| triggers over SSE in the measured phase, from raise to arrival | {triggers} |"));
    Console.WriteLine(string.Create(culture, $"| batch requests/s as a share of the ceiling | {ingest.RequestsPerSecond / ceiling.RequestsPerSecond:P1} |"));
    Console.WriteLine(string.Create(culture, $"| acknowledged events (warm-up included) / shopper message rows in the journal | {acknowledged:N0} / {journalRows:N0} {(acknowledged == journalRows ? "(equal)" : "(DIFFERENT)")} |"));
    Console.WriteLine(string.Create(culture, $"| server peak working set | {server.PeakWorkingSetBytes / 1048576.0:N0} MiB |"));
}

if (options.MemoryShoppers == 0)
{
    return;
}

var (bytesPerShopper, activations) = await MemoryProbe.MeasureAsync(options.MemoryShoppers, shopperAlone: true);
Console.WriteLine(string.Create(culture, $"| managed heap per active shopper grain (12-event profile, {activations:N0} activations) | {bytesPerShopper:N0} bytes = {bytesPerShopper / 1024:0.00} KiB |"));
var (bytesPerShopperAll, activationsAll) = await MemoryProbe.MeasureAsync(options.MemoryShoppers, shopperAlone: false);
Console.WriteLine(string.Create(culture, $"| the same with product grains and the analytics read model ({activationsAll:N0} activations) | {bytesPerShopperAll:N0} bytes = {bytesPerShopperAll / 1024:0.00} KiB per shopper |"));

static long CountJournal(string dataDirectory)
{
    using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDirectory, "personalization.db"),
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = false,
    }.ToString());
    connection.Open();
    using var command = connection.CreateCommand();
    // Shopper streams also hold what the service derives (triggers, merges, exposures), and products have streams
    // of their own: only the rows of the messages sent are counted.
    command.CommandText = """
        SELECT COUNT(*) FROM journal
        WHERE stream_id LIKE 'user/%'
          AND event_type NOT IN ('anonymous-history-merged', 'merged-into-user', 'trigger-raised', 'experiment-exposure',
                                 'recommendation-impression', 'recommendation-click');
        """;
    return (long)command.ExecuteScalar()!;
}
