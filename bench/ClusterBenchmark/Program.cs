using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;
using Orleans.Personalization.BenchKit;
using Orleans.Personalization.ClusterBenchmark;
using Orleans.Personalization.Runtime.Placement;

// Cluster benchmark (issue 3): 1, 2 and 3 silos against one PostgreSQL on this machine, in one run:
// ingest events/s and profile-read latency, then failover time over repeated SIGKILLs.
// Usage: PERSONALIZATION_TEST_POSTGRES=<admin connection string> dotnet run -c Release --project bench/ClusterBenchmark -- [seconds] [kills] [fewest silos]
var culture = CultureInfo.InvariantCulture;
var admin = Environment.GetEnvironmentVariable("PERSONALIZATION_TEST_POSTGRES")
    ?? throw new InvalidOperationException("Set PERSONALIZATION_TEST_POSTGRES (`. scripts/start-postgres.sh` starts a server and sets it).");
var seconds = args.Length > 0 ? int.Parse(args[0], culture) : 15;
var kills = args.Length > 1 ? int.Parse(args[1], culture) : 5;
var duration = TimeSpan.FromSeconds(seconds);
var warmup = TimeSpan.FromSeconds(3);
const int Clients = 24;

var templates = Workload.BuildBatchTemplates(DataFiles.Default(), 100);
var eventsPerBatch = templates.Select(Workload.MessagesIn).ToArray();
Console.WriteLine(string.Create(culture, $"{MachineDescription.Describe()}; {Clients} clients, {seconds} s measured per phase"));
Console.WriteLine();
Console.WriteLine("| silos | ceiling GET /health/live | ingest POST /v1/batch (100 events) | profile reads GET /v1/anonymous/{id}/profile | recommendations GET /v1/recommendations?placement=home |");
Console.WriteLine("| --- | --- | --- | --- | --- |");

var smallest = args.Length > 2 ? int.Parse(args[2], culture) : 1;
for (var size = smallest; size <= 3; size++)
{
    var database = await CreateDatabaseAsync(admin);
    await using var cluster = new ClusterProcesses(database, size);
    var running = Enumerable.Range(0, size).ToArray();
    foreach (var silo in running)
    {
        await cluster.StartAsync(silo);
    }

    await cluster.WaitUntilBalancedAsync(running);
    // Requests go round the silos, so each silo forwards what it does not own.
    var runner = new RoundRobinRunner(running.Select(cluster.AddressOf).ToArray(), Clients);
    var ceiling = await runner.RunAsync(_ => new HttpRequestMessage(HttpMethod.Get, "/health/live"), warmup, duration);
    var runId = $"c{size}-{DateTime.UtcNow.Ticks}";
    var ingest = await runner.RunAsync(n => LoadRunner.Post("/v1/batch", Workload.Body(templates, n, runId), ClusterProcesses.WriteKey), warmup, duration);
    var shoppers = await KnownShoppersAsync(database, 5000);
    var reads = await runner.RunAsync(n => Read($"/v1/anonymous/{Uri.EscapeDataString(shoppers[n % shoppers.Length])}/profile"), warmup, duration);
    var recommendations = await runner.RunAsync(
        n => Read($"/v1/recommendations?placement=home&count=10&anonymousId={Uri.EscapeDataString(shoppers[n % shoppers.Length])}"), warmup, duration);
    var events = ingest.Requests * eventsPerBatch.Average() / ingest.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(culture,
        $"| {size} | {ceiling.RequestsPerSecond:N0} req/s, p99 {ceiling.Percentile(99):0.0} ms | {events:N0} events/s, p50 {ingest.Percentile(50):0} ms, p99 {ingest.Percentile(99):0} ms, {ingest.Failures} failed | {reads.RequestsPerSecond:N0} req/s, p50 {reads.Percentile(50):0.0} ms, p99 {reads.Percentile(99):0.0} ms | {recommendations.RequestsPerSecond:N0} req/s, p50 {recommendations.Percentile(50):0.0} ms, p99 {recommendations.Percentile(99):0.0} ms, {recommendations.Failures} failed |"));
}

// Failover: kill the owner of a shopper's partition, then write that shopper through another silo until it
// succeeds. The time from the kill to that first successful write is the failover time.
{
    var database = await CreateDatabaseAsync(admin);
    await using var cluster = new ClusterProcesses(database, 3);
    var running = new[] { 0, 1, 2 };
    foreach (var silo in running)
    {
        await cluster.StartAsync(silo);
    }

    var map = new PartitionMap(64);
    var times = new List<double>();
    for (var round = 0; round < kills; round++)
    {
        await cluster.WaitUntilBalancedAsync(running);
        var victim = round % 3;
        var survivor = (victim + 1) % 3;
        var owned = (await cluster.PartitionsAsync(survivor))[victim];
        var userId = Enumerable.Range(0, 100_000).Select(i => $"failover-{round}-{i}").First(u => owned.Contains(map.PartitionOf($"user/u:{u}")));
        using var writer = cluster.ClientFor(survivor, ClusterProcesses.WriteKey);
        var body = $$$"""{"userId":"{{{userId}}}","event":"Failover Probe"}""";
        var watch = Stopwatch.StartNew();
        await cluster.KillAsync(victim);
        while (true)
        {
            using var response = await writer.PostAsync("/v1/track", new StringContent(body, Encoding.UTF8, "application/json"));
            if (response.IsSuccessStatusCode)
            {
                break;
            }
        }

        times.Add(watch.Elapsed.TotalSeconds);
        await cluster.StartAsync(victim);
    }

    Console.WriteLine();
    Console.WriteLine(string.Create(culture,
        $"failover (SIGKILL of the owner → first successful write through a survivor), {kills} kills: {string.Join(", ", times.Select(t => t.ToString("0.00", culture)))} s; mean {times.Average():0.00} s, max {times.Max():0.00} s"));
}

static HttpRequestMessage Read(string path)
{
    var request = new HttpRequestMessage(HttpMethod.Get, path);
    request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(ClusterProcesses.ReadKey + ":")));
    return request;
}

static async Task<string> CreateDatabaseAsync(string admin)
{
    var name = $"op_bench_{Guid.NewGuid():N}";
    await using var connection = new NpgsqlConnection(admin);
    await connection.OpenAsync();
    await using var create = new NpgsqlCommand($"CREATE DATABASE {name};", connection);
    await create.ExecuteNonQueryAsync();
    return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
}

static async Task<string[]> KnownShoppersAsync(string database, int count)
{
    await using var connection = new NpgsqlConnection(database);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand("SELECT DISTINCT substr(stream_id, 8) FROM personalization.journal LIMIT $1;", connection);
    command.Parameters.AddWithValue(count);
    await using var reader = await command.ExecuteReaderAsync();
    var shoppers = new List<string>();
    while (await reader.ReadAsync())
    {
        shoppers.Add(reader.GetString(0));
    }

    return [.. shoppers];
}
