using System.Diagnostics;
using System.Globalization;
using Orleans.Personalization.BenchKit;
using Orleans.Personalization.RecommendationBenchmark;

// Recommendation benchmark (issue 4): the real server over loopback, 100,000 shoppers and 10,000 products
// loaded over HTTP. Measures the trivial-endpoint ceiling, ingest with and without the co-occurrence projection,
// recommendation latency at a fixed rate and at full speed, and managed heap per active product.
var options = BenchmarkOptions.Parse(args);
var culture = CultureInfo.InvariantCulture;
var runId = DateTime.UtcNow.Ticks.ToString(culture);
Console.WriteLine(MachineDescription.Describe());
Console.WriteLine(string.Create(culture, $"server settings: {string.Join(", ", options.ServerSettings.Select(static kv => $"{kv.Key}={kv.Value}"))}"));
Console.WriteLine(string.Create(culture, $"settings: {options.Shoppers:N0} shoppers, {options.Products:N0} products, {options.Clients} clients, fixed rate {options.Rate:N0}/s, warm-up {options.Warmup.TotalSeconds} s, measured {options.Duration.TotalSeconds} s"));

var store = StoreWorkload.Build(options.DataFile, options.Shoppers, options.Products, runId);
var events = store.EventBodies(100);
var catalog = store.CatalogBodies().ToList();
var mix = new RequestMix(store);
Console.WriteLine(string.Create(culture, $"workload: {store.ProductIds.Count:N0} catalog products, {store.Shoppers.Count:N0} shoppers, {store.MessageCount:N0} events in {events.Count:N0} batches"));

(double EventsPerSecond, TimeSpan Elapsed, int Failures)? without = null;
if (!options.SkipBaseline)
{
    await using var baseline = await BenchServer.StartAsync(new Dictionary<string, string>(options.ServerSettings) { ["Recommendations:CoOccurrence:Enabled"] = "false" });
    using var client = Client(baseline, options.Clients);
    await LoadCatalogAsync(client, catalog);
    without = await IngestAsync(new LoadRunner(client, options.Clients), events, store.MessageCount);
    Console.WriteLine(string.Create(culture, $"ingest without co-occurrence: {without.Value.EventsPerSecond:N0} events/s ({without.Value.Elapsed.TotalSeconds:0.0} s)"));
}

await using (var server = await BenchServer.StartAsync(options.ServerSettings))
{
    using var client = Client(server, options.Clients);
    var runner = new LoadRunner(client, options.Clients);
    var ceiling = await runner.RunAsync(_ => new HttpRequestMessage(HttpMethod.Get, "/health/live"), options.Warmup, options.Duration);
    Console.WriteLine(string.Create(culture, $"ceiling: {ceiling.RequestsPerSecond:N0} requests/s"));
    await LoadCatalogAsync(client, catalog);
    var with = await IngestAsync(runner, events, store.MessageCount);
    Console.WriteLine(string.Create(culture, $"ingest with co-occurrence: {with.EventsPerSecond:N0} events/s ({with.Elapsed.TotalSeconds:0.0} s)"));
    var drain = await DrainAsync(server.DataDirectory);
    Console.WriteLine(string.Create(culture, $"co-occurrence caught up {drain.TotalSeconds:0.0} s after the last batch was acknowledged"));
    var settle = await SettleAsync(server);
    Console.WriteLine(string.Create(culture, $"the server went idle {settle.TotalSeconds:0.0} s later (recommendations are measured without loading's background work)"));

    // Full speed first: it also brings the recommendation path to fully optimised code before the fixed-rate phase.
    var fullCpu = CpuShare.Start(server);
    var full = await runner.RunAsync(mix.Request, options.Warmup, options.Duration);
    var fullCores = fullCpu.StopAndDescribe();
    Console.WriteLine(string.Create(culture, $"recommendations at full speed: {full.RequestsPerSecond:N0} requests/s ({full.RequestsPerSecond / ceiling.RequestsPerSecond:P1} of the ceiling)"));
    var (steady, steadyLateness) = await RateRunner.RunAsync(client, mix.Request, options.Rate, options.Warmup, options.Duration);
    if (options.LatencyLog is { } log)
    {
        // Request n was due n / rate seconds after the phase began; the lateness array starts after the warm-up.
        var warm = (int)(options.Rate * options.Warmup.TotalSeconds);
        await File.WriteAllLinesAsync(log, steady.SucceededRequestNumbers.Select((n, k) => string.Create(
            culture, $"{(double)n / options.Rate:0.0000},{steady.LatenciesMs[k]:0.000},{steadyLateness.LatenciesMs[n - warm]:0.000}")));
    }

    // The same open-loop load on the trivial endpoint: what this machine and load generator give at that rate.
    var (steadyCeiling, ceilingLateness) = await RateRunner.RunAsync(client, _ => new HttpRequestMessage(HttpMethod.Get, "/health/live"), options.Rate, options.Warmup, options.Duration);
    var productRows = ProjectionProgress.JournalRows(server.DataDirectory, "product/");
    var shopperRows = ProjectionProgress.JournalRows(server.DataDirectory, "user/");

    Console.WriteLine();
    Console.WriteLine("| measurement | value |");
    Console.WriteLine("| --- | --- |");
    Console.WriteLine(string.Create(culture, $"| ceiling: GET /health/live, {options.Clients} clients | {ceiling.RequestsPerSecond:N0} requests/s, p50 {ceiling.Percentile(50):0.00} ms, p99 {ceiling.Percentile(99):0.00} ms |"));
    Console.WriteLine(string.Create(culture, $"| GET /health/live at a fixed {options.Rate:N0}/s (open loop, same run) | p50 {steadyCeiling.Percentile(50):0.00} ms, p99 {steadyCeiling.Percentile(99):0.00} ms, p99.9 {steadyCeiling.Percentile(99.9):0.00} ms; the generator started them p50 {ceilingLateness.Percentile(50):0.00} ms, p99 {ceilingLateness.Percentile(99):0.00} ms late |"));
    Console.WriteLine(string.Create(culture, $"| recommendations at a fixed {options.Rate:N0}/s (open loop) | {steady.RequestsPerSecond:N0} requests/s answered, p50 {steady.Percentile(50):0.00} ms, p99 {steady.Percentile(99):0.00} ms, p99.9 {steady.Percentile(99.9):0.00} ms, {steady.Failures} failures; the generator started them p50 {steadyLateness.Percentile(50):0.00} ms, p99 {steadyLateness.Percentile(99):0.00} ms late |"));
    Console.WriteLine(string.Create(culture, $"| recommendations at full speed, {options.Clients} clients (closed loop) | {full.RequestsPerSecond:N0} requests/s, p50 {full.Percentile(50):0.00} ms, p99 {full.Percentile(99):0.00} ms, {full.Failures} failures |"));
    Console.WriteLine(string.Create(culture, $"| CPU during recommendations at full speed (warm-up included) | {fullCores} |"));
    Console.WriteLine(string.Create(culture, $"| recommendation requests/s ÷ ceiling requests/s | {full.RequestsPerSecond / ceiling.RequestsPerSecond:P1} |"));
    if (without is { } w)
    {
        Console.WriteLine(string.Create(culture, $"| ingest POST /v1/batch, co-occurrence off | {w.EventsPerSecond:N0} events/s durable ({store.MessageCount:N0} events in {w.Elapsed.TotalSeconds:0.0} s, {w.Failures} failures) |"));
    }

    Console.WriteLine(string.Create(culture, $"| ingest POST /v1/batch, co-occurrence on | {with.EventsPerSecond:N0} events/s durable ({store.MessageCount:N0} events in {with.Elapsed.TotalSeconds:0.0} s, {with.Failures} failures){(without is { } b ? $", {with.EventsPerSecond / b.EventsPerSecond - 1:+0.0%;-0.0%} vs off" : "")} |"));
    Console.WriteLine(string.Create(culture, $"| co-occurrence lag after the last acknowledged batch | {drain.TotalSeconds:0.0} s; all applied: {store.MessageCount / (with.Elapsed + drain).TotalSeconds:N0} events/s end to end |"));
    Console.WriteLine(string.Create(culture, $"| journal rows: shopper events / product events (one per product per flush) | {shopperRows:N0} / {productRows:N0} |"));
    Console.WriteLine(string.Create(culture, $"| server peak working set | {server.PeakWorkingSetBytes / 1048576.0:N0} MiB |"));
}

var (bytesPerProduct, products, shoppers) = await ProductMemoryProbe.MeasureAsync(store);
Console.WriteLine(string.Create(culture, $"| managed heap per active product ({products:N0} products after {shoppers:N0} shoppers' events) | {bytesPerProduct:N0} bytes = {bytesPerProduct / 1024:0.00} KiB |"));

static HttpClient Client(BenchServer server, int clients) =>
    new(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

static async Task LoadCatalogAsync(HttpClient client, List<byte[]> bodies)
{
    foreach (var body in bodies)
    {
        using var response = await client.SendAsync(LoadRunner.Post("/v1/catalog/products", body, BenchServer.WriteKey));
        response.EnsureSuccessStatusCode();
    }
}

static async Task<(double EventsPerSecond, TimeSpan Elapsed, int Failures)> IngestAsync(LoadRunner runner, List<byte[]> batches, int events)
{
    var result = await runner.RunAsync(n => LoadRunner.Post("/v1/batch", batches[n], BenchServer.WriteKey), TimeSpan.Zero, TimeSpan.FromHours(1), batches.Count);
    return (events / result.Elapsed.TotalSeconds, result.Elapsed, result.Failures);
}

static async Task<TimeSpan> DrainAsync(string dataDirectory)
{
    var watch = Stopwatch.StartNew();
    while (ProjectionProgress.Behind(dataDirectory) > 0)
    {
        if (watch.Elapsed > TimeSpan.FromMinutes(10))
        {
            throw new TimeoutException("Co-occurrence did not catch up within 10 minutes.");
        }

        await Task.Delay(200);
    }

    return watch.Elapsed;
}

// Background work left from loading (watch grains for the catalog, projections) ends when the server's CPU use
// falls under 5 % of a core for two seconds in a row.
static async Task<TimeSpan> SettleAsync(BenchServer server)
{
    var watch = Stopwatch.StartNew();
    var quietSeconds = 0;
    var before = server.ProcessorTime;
    while (quietSeconds < 2 && watch.Elapsed < TimeSpan.FromMinutes(3))
    {
        await Task.Delay(1000);
        var now = server.ProcessorTime;
        quietSeconds = now - before < TimeSpan.FromMilliseconds(50) ? quietSeconds + 1 : 0;
        before = now;
    }

    return watch.Elapsed;
}
