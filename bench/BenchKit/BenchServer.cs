using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Orleans.Personalization.BenchKit;

/// <summary>
/// The real service as a child process (this build's Api dll, copied beside the benchmark) on a fresh data folder,
/// with benchmark keys and any extra settings ("Section:Key" or an environment variable such as DOTNET_gcServer).
/// Disposing kills it; the data folder is deleted then unless the caller asked to keep it.
/// </summary>
public sealed class BenchServer : IAsyncDisposable
{
    public const string WriteKey = "bench-write-key";
    public const string ReadKey = "bench-read-key";

    private readonly Process _process;
    private readonly bool _keepData;
    private readonly List<(long At, string Line)> _writerStatistics = [];

    private BenchServer(Process process, Uri baseAddress, string dataDirectory, bool keepData)
    {
        _process = process;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        _keepData = keepData;
    }

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    /// <summary>Peak resident memory of the server process so far.</summary>
    public long PeakWorkingSetBytes => WorkingSet().Peak;

    /// <summary>CPU time the server process has used so far (all threads).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<BenchServer> StartAsync(IEnumerable<KeyValuePair<string, string>> settings, bool keepData = false)
    {
        var port = FreePort();
        var data = Path.Combine(Path.GetTempPath(), $"op-bench-{Guid.NewGuid():N}");
        var info = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "Orleans.Personalization.Api.dll"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
        };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";

        // The SQLite writer's statistics (a line every 5 s at Debug level), for WriterStatisticsSince.
        info.Environment["Logging__LogLevel__Orleans.Personalization.Storage.Sqlite.SqliteDatabase"] = "Debug";
        info.Environment["ApiKeys__WriteKeys__0"] = WriteKey;
        info.Environment["ApiKeys__ReadKeys__0"] = ReadKey;
        info.Environment["Storage__Sqlite__DataDirectory"] = data;

        // The collector's first-generation budget the README asks production to set (64 MiB); a --set can change it.
        info.Environment["DOTNET_GCgen0size"] = "0x4000000";
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(info)!;
        var server = new BenchServer(process, new Uri($"http://127.0.0.1:{port}"), data, keepData);
        process.OutputDataReceived += server.OnOutput;
        process.BeginOutputReadLine();
        using var probe = new HttpClient { BaseAddress = server.BaseAddress };
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                if ((await probe.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        await server.DisposeAsync();
        throw new TimeoutException("The service did not become ready.");
    }

    /// <summary>
    /// The SQLite writer's statistics lines that arrived after <paramref name="since"/> (a <see cref="Stopwatch"/>
    /// timestamp), each with its arrival time; each line covers the 5 s before it.
    /// </summary>
    public IReadOnlyList<(long At, string Line)> WriterStatisticsSince(long since)
    {
        lock (_writerStatistics)
        {
            return _writerStatistics.Where(s => s.At >= since).ToList();
        }
    }

    private void OnOutput(object sender, DataReceivedEventArgs e)
    {
        if (e.Data is { } line && line.Contains("SQLite writer:", StringComparison.Ordinal))
        {
            lock (_writerStatistics)
            {
                _writerStatistics.Add((Stopwatch.GetTimestamp(), line.Trim()));
            }
        }
    }

    /// <summary>Resident memory of the server now and at its peak.</summary>
    public (long Current, long Peak) WorkingSet()
    {
        _process.Refresh();
        return (_process.WorkingSet64, _process.PeakWorkingSet64);
    }

    /// <summary>A client that sends the given key the Segment way (HTTP Basic user name) on every request.</summary>
    public HttpClient Client(string key, int connections)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        if (_keepData)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
