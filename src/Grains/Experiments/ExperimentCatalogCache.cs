using Microsoft.Extensions.Options;
using Orleans.Personalization.Grains.Interfaces.Experiments;
using Orleans.Personalization.Runtime;

namespace Orleans.Personalization.Grains.Experiments;

/// <summary>
/// This silo's copy of the experiments and flags, so assignments, recommendations and triggers do not call the
/// registry grain each time. A change made through this silo applies at once; other silos read it within
/// <see cref="ExperimentOptions.RefreshInterval"/>. A shopper assigned meanwhile under the previous version keeps
/// that assignment, and its exposure records the version, so results stay sound.
/// </summary>
public sealed class ExperimentCatalogCache(IGrainFactory grains, TimeProvider timeProvider, IOptions<ExperimentOptions> options)
{
    public const string GrainKey = "default";
    private readonly object _gate = new();
    private readonly TimeSpan _refreshInterval = options.Value.RefreshInterval;
    private LiveExperiments? _current;
    private long _loadedAt;
    private Task<LiveExperiments>? _loading;

    public async ValueTask<LiveExperiments> GetAsync()
    {
        lock (_gate)
        {
            if (_current is not null && timeProvider.GetElapsedTime(_loadedAt) < _refreshInterval)
            {
                return _current;
            }

            // One read at a time: every caller that finds the copy old waits for the same read.
            if (_loading is null || _loading.IsCompleted)
            {
                _loading = LoadAsync();
            }
        }

        return await _loading;
    }

    /// <summary>Takes a newer catalog (the registry grain calls this after a change).</summary>
    public void Publish(ExperimentCatalog catalog)
    {
        lock (_gate)
        {
            if (_current is null || catalog.Version >= _current.Catalog.Version)
            {
                _current = new LiveExperiments(catalog);
            }

            _loadedAt = timeProvider.GetTimestamp();
        }
    }

    private async Task<LiveExperiments> LoadAsync()
    {
        Publish(await grains.GetGrain<IExperimentRegistryGrain>(GrainKey).GetCatalogAsync());
        lock (_gate)
        {
            return _current!;
        }
    }
}
