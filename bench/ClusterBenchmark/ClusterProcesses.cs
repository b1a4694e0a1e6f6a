using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Orleans.Personalization.ClusterBenchmark;

/// <summary>N silo processes from this build's output, on one PostgreSQL database; silo i keeps its port.</summary>
internal sealed class ClusterProcesses(string connectionString, int size) : IAsyncDisposable
{
    public const string WriteKey = "bench-write-key";
    public const string ReadKey = "bench-read-key";

    private readonly int[] _ports = Enumerable.Range(0, size).Select(_ => FreePort()).ToArray();
    private readonly Process?[] _silos = new Process?[size];

    public int Size => size;

    public Uri AddressOf(int silo) => new($"http://127.0.0.1:{_ports[silo]}");

    public async Task StartAsync(int silo)
    {
        var info = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "Orleans.Personalization.Api.dll"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
        };
        info.Environment["ASPNETCORE_URLS"] = AddressOf(silo).ToString().TrimEnd('/');
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["ApiKeys__WriteKeys__0"] = WriteKey;
        info.Environment["ApiKeys__ReadKeys__0"] = ReadKey;
        info.Environment["Storage__Provider"] = "PostgreSql";
        info.Environment["Storage__PostgreSql__ConnectionString"] = connectionString;
        info.Environment["Silo__SiloId"] = $"silo-{silo}";
        info.Environment["Silo__ClusterSecret"] = "benchmark-cluster-secret-0123456789";
        info.Environment["WebhookSecrets__Key"] = "s8lssA96yLuKuWGfzD3n8cYi0eXW8NZX/XNuk2LhkFc=";
        var process = Process.Start(info)!;
        // Warnings and errors of each silo go to a file beside the others, for when a phase shows failures.
        var log = new StreamWriter(Path.Combine(Path.GetTempPath(), $"op-cluster-bench-silo-{silo}.log"), append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                lock (log)
                {
                    log.WriteLine(text);
                }
            }
        };
        process.BeginOutputReadLine();
        _silos[silo] = process;
        using var probe = new HttpClient { BaseAddress = AddressOf(silo) };
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                if ((await probe.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"silo-{silo} did not become ready");
    }

    public async Task KillAsync(int silo)
    {
        _silos[silo]!.Kill(entireProcessTree: true);
        await _silos[silo]!.WaitForExitAsync();
    }

    /// <summary>Partitions each silo holds, by silo index, from /v1/cluster.</summary>
    public async Task<Dictionary<int, HashSet<int>>> PartitionsAsync(int askSilo)
    {
        using var client = ClientFor(askSilo, ReadKey);
        var view = (await client.GetFromJsonAsync<JsonNode>("/v1/cluster"))!;
        return view["silos"]!.AsArray()
            .Where(s => (bool)s!["live"]!)
            .ToDictionary(
                s => int.Parse(((string)s!["siloId"]!)["silo-".Length..], System.Globalization.CultureInfo.InvariantCulture),
                s => s!["partitions"]!.AsArray().Select(p => (int)p!).ToHashSet());
    }

    /// <summary>Waits until the running silos are live and hold every partition between them, fairly.</summary>
    public async Task WaitUntilBalancedAsync(IReadOnlyCollection<int> running)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                var held = await PartitionsAsync(running.First());
                if (held.Count == running.Count && held.Values.Sum(p => p.Count) == 64 && held.Values.All(p => p.Count >= 64 / running.Count))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("the cluster did not balance");
    }

    public HttpClient ClientFor(int silo, string key)
    {
        var client = new HttpClient { BaseAddress = AddressOf(silo), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(key + ":")));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _silos.Where(static p => p is { HasExited: false }))
        {
            process!.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
