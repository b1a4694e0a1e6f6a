using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Orleans.Personalization.AnalyticsApiBenchmark;

/// <summary>The real service as a child process from this build's output, on a fresh data folder (left for the caller to read and delete), with clients for its keys.</summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private const string WriteKey = "bench-write-key";
    private const string ReadKey = "bench-read-key";
    private readonly Process _process;

    private BenchServer(Process process, Uri baseAddress, string dataDirectory)
    {
        _process = process;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
    }

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    public static async Task<BenchServer> StartAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var data = Path.Combine(Path.GetTempPath(), $"op-analytics-bench-{Guid.NewGuid():N}");
        var info = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "Orleans.Personalization.Api.dll"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
        };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["ApiKeys__WriteKeys__0"] = WriteKey;
        info.Environment["ApiKeys__ReadKeys__0"] = ReadKey;
        info.Environment["Storage__Sqlite__DataDirectory"] = data;
        var process = Process.Start(info)!;
        process.OutputDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        var server = new BenchServer(process, new Uri($"http://127.0.0.1:{port}"), data);
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

        throw new TimeoutException("The service did not become ready.");
    }

    public HttpClient Writer(int connections) => Client(WriteKey, connections);

    public HttpClient Reader() => Client(ReadKey, 4);

    /// <summary>Resident memory of the server now and at its peak.</summary>
    public (long Current, long Peak) WorkingSet()
    {
        _process.Refresh();
        return (_process.WorkingSet64, _process.PeakWorkingSet64);
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private HttpClient Client(string key, int connections)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));
        return client;
    }
}
