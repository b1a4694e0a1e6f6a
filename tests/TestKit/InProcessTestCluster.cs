using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Orleans.Personalization.Runtime;
using Orleans.Personalization.Runtime.Activation;
using Orleans.Personalization.Runtime.Hosting;
using Orleans.Personalization.Runtime.Reminders;
using Orleans.Personalization.Runtime.Storage;
using Orleans.Personalization.Storage.Sqlite;

namespace Orleans.Personalization.TestKit;

/// <summary>
/// A silo in the test process, on real SQLite storage in a temp folder, with a controllable clock
/// (after Orleans' InProcessTestCluster). <see cref="RestartAsync"/> stops the silo and starts a new one on
/// the same storage, as a process restart would; <see cref="CrashAsync"/> drops it without a graceful stop.
/// </summary>
public sealed class InProcessTestCluster : IAsyncDisposable
{
    private readonly Action<IServiceCollection> _configureServices;
    private readonly Dictionary<string, string?> _settings;
    private readonly TempDirectory _folder = new("op-cluster");
    private IHost _host;

    public InProcessTestCluster(Action<IServiceCollection> configureServices, IDictionary<string, string?>? settings = null)
    {
        _configureServices = configureServices;
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            [$"{SqliteStorageOptions.SectionName}:DataDirectory"] = _folder.Path,
            // What the silo's hosting sets for embedded storage (the grains' webhook secrets key, made on first use).
            ["WebhookSecrets:KeyFile"] = System.IO.Path.Combine(_folder.Path, "webhook-secrets.key"),
        };
        _host = Build();
    }

    /// <summary>The silo's clock; advance it to make reminders due or activations idle.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    public string DataDirectory => _folder.Path;

    public IServiceProvider Services => _host.Services;

    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    public ActivationDirectory Activations => Services.GetRequiredService<ActivationDirectory>();

    public ReminderService Reminders => Services.GetRequiredService<ReminderService>();

    public IJournalStore Journal => Services.GetRequiredService<IJournalStore>();

    public Task StartAsync() => _host.StartAsync();

    /// <summary>Graceful stop, then a new silo on the same storage.</summary>
    public async Task RestartAsync()
    {
        await _host.StopAsync();
        await ((IAsyncDisposable)_host).DisposeAsync();
        _host = Build();
        await _host.StartAsync();
    }

    /// <summary>No graceful stop: activations vanish without snapshots, as if the process were killed.</summary>
    public async Task CrashAndRestartAsync()
    {
        await ((IAsyncDisposable)_host).DisposeAsync();
        _host = Build();
        await _host.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
        }
        finally
        {
            await ((IAsyncDisposable)_host).DisposeAsync();
            _folder.Dispose();
        }
    }

    private IHost Build()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(_settings);
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddGrainRuntime();
        builder.Services.AddSqliteGrainStorage();
        builder.Services.AddLogging();
        _configureServices(builder.Services);
        return builder.Build();
    }
}
