using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Orleans.Personalization.TestKit;

/// <summary>
/// Several real silo processes on loopback sharing one PostgreSQL database: silo i keeps its id ("silo-i")
/// and port across restarts, as a service manager would restart it.
/// </summary>
public sealed class SiloCluster : IAsyncDisposable
{
    public const string WriteKey = "cluster-write-key";
    public const string ReadKey = "cluster-read-key";
    public const string Secret = "cluster-secret-for-tests-0123456789";

    /// <summary>The key every silo encrypts webhook secrets with (test only).</summary>
    public const string WebhookSecretKey = "iZeNa/jNeuV8dprbe3BBSo/ZLkEr9nF2cyur1jXQcJE=";

    private readonly string _connectionString;
    private readonly int[] _ports;
    private readonly ServiceProcess?[] _silos;
    private readonly Dictionary<string, string> _extraSettings;

    public SiloCluster(string connectionString, int size, IDictionary<string, string>? extraSettings = null)
    {
        _connectionString = connectionString;
        _ports = Enumerable.Range(0, size).Select(_ => ServiceProcess.FreePort()).ToArray();
        _silos = new ServiceProcess?[size];
        _extraSettings = new Dictionary<string, string>(extraSettings ?? new Dictionary<string, string>());
    }

    public int Size => _silos.Length;

    public bool IsRunning(int silo) => _silos[silo] is { HasExited: false };

    public Uri AddressOf(int silo) => new($"http://127.0.0.1:{_ports[silo]}");

    /// <summary>The settings silo <paramref name="silo"/> starts with.</summary>
    public Dictionary<string, string> SettingsOf(int silo) => new(_extraSettings)
    {
        ["Storage:Provider"] = "PostgreSql",
        ["Storage:PostgreSql:ConnectionString"] = _connectionString,
        ["Silo:SiloId"] = $"silo-{silo}",
        ["Silo:ClusterSecret"] = Secret,
        ["WebhookSecrets:Key"] = WebhookSecretKey,
        ["Silo:LeaseDuration"] = _extraSettings.GetValueOrDefault("Silo:LeaseDuration", "00:00:04"),
        ["Silo:LeaseRenewInterval"] = _extraSettings.GetValueOrDefault("Silo:LeaseRenewInterval", "00:00:01"),
        ["ApiKeys:WriteKeys:0"] = WriteKey,
        ["ApiKeys:ReadKeys:0"] = ReadKey,
    };

    public async Task StartAllAsync()
    {
        await Task.WhenAll(Enumerable.Range(0, Size).Select(StartAsync));
    }

    public async Task StartAsync(int silo)
    {
        if (_silos[silo] is { } old)
        {
            await old.DisposeAsync();
        }

        _silos[silo] = await ServiceProcess.StartReadyAsync(SettingsOf(silo), _ports[silo]);
    }

    public async Task KillAsync(int silo) => await _silos[silo]!.KillAsync();

    public async Task<int> TerminateAsync(int silo) => await _silos[silo]!.TerminateAsync();

    public void Pause(int silo) => _silos[silo]!.Pause();

    public void Resume(int silo) => _silos[silo]!.Resume();

    public string OutputOf(int silo) => _silos[silo]?.Output ?? "";

    public HttpClient Client(int silo, string key)
    {
        var client = new HttpClient { BaseAddress = AddressOf(silo), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));
        return client;
    }

    /// <summary>/v1/cluster as silo <paramref name="silo"/> answers it.</summary>
    public async Task<JsonNode> ClusterViewAsync(int silo)
    {
        using var client = Client(silo, ReadKey);
        return (await client.GetFromJsonAsync<JsonNode>("/v1/cluster"))!;
    }

    /// <summary>Waits until every running silo is live, holds a fair share, and no partition is unassigned.</summary>
    public Task WaitUntilBalancedAsync(TimeSpan? within = null)
    {
        var running = Enumerable.Range(0, Size).Where(IsRunning).ToArray();
        return Eventually.ReturnsAsync(
            async () =>
            {
                try
                {
                    return await ClusterViewAsync(running[0]);
                }
                catch (HttpRequestException)
                {
                    return null;
                }
            },
            view =>
            {
                if (view is null)
                {
                    return false;
                }

                var partitions = (int)view["partitionCount"]!;
                var silos = view["silos"]!.AsArray().Where(s => (bool)s!["live"]!).ToArray();
                var fair = partitions / running.Length;
                return view["unassignedPartitions"]!.AsArray().Count == 0
                    && silos.Length == running.Length
                    && silos.All(s => s!["partitions"]!.AsArray().Count >= fair);
            },
            $"{running.Length} live silos sharing the partitions fairly",
            within ?? TimeSpan.FromSeconds(90));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            if (silo is not null)
            {
                await silo.DisposeAsync();
            }
        }
    }
}
