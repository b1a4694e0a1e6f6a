using Microsoft.Extensions.Options;
using Orleans.Personalization.Grains.Interfaces.Triggers;
using Orleans.Personalization.Runtime;

namespace Orleans.Personalization.Grains.Triggers;

/// <summary>
/// This silo's copy of the trigger settings, so shopper grains do not call the settings grain on every
/// event. A change made through this silo is published at once; other silos read it within
/// <see cref="TriggerOptions.SettingsRefreshInterval"/>.
/// </summary>
public sealed class TriggerSettingsCache(IGrainFactory grains, TimeProvider timeProvider, IOptions<TriggerOptions> options)
{
    public const string GrainKey = "default";
    private readonly object _gate = new();
    private readonly TimeSpan _refreshInterval = options.Value.SettingsRefreshInterval;
    private VersionedTriggerSettings? _current;
    private long _loadedAt;
    private Task<VersionedTriggerSettings>? _loading;

    /// <summary>The settings, read from the settings grain when this copy is missing or old.</summary>
    public async ValueTask<TriggerSettings> GetAsync()
    {
        lock (_gate)
        {
            if (_current is not null && timeProvider.GetElapsedTime(_loadedAt) < _refreshInterval)
            {
                return _current.Settings;
            }

            // One read at a time: every grain that finds the copy old waits for the same read.
            if (_loading is null || _loading.IsCompleted)
            {
                _loading = LoadAsync();
            }
        }

        return (await _loading).Settings;
    }

    /// <summary>Takes a newer version (the settings grain calls this after a change).</summary>
    public void Publish(VersionedTriggerSettings settings)
    {
        lock (_gate)
        {
            if (_current is null || settings.Version >= _current.Version)
            {
                _current = settings;
            }

            _loadedAt = timeProvider.GetTimestamp();
        }
    }

    private async Task<VersionedTriggerSettings> LoadAsync()
    {
        var loaded = await grains.GetGrain<ITriggerSettingsGrain>(GrainKey).GetAsync();
        Publish(loaded);
        lock (_gate)
        {
            return _current!;
        }
    }
}
