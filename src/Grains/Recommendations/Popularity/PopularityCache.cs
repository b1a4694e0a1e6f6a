using Microsoft.Extensions.Options;
using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Runtime;

namespace Orleans.Personalization.Grains.Recommendations.Popularity;

/// <summary>
/// This silo's copy of the popularity rankings, so thousands of requests a second do not queue on one grain.
/// After <see cref="RecommendationOptions.PopularityTtl"/> the copy is refreshed in the background (callers keep
/// the old one meanwhile); after a local flush it is refreshed before the next answer.
/// </summary>
public sealed class PopularityCache(IGrainFactory grains, IOptions<RecommendationOptions> options, TimeProvider timeProvider)
{
    private readonly TimeSpan _ttl = options.Value.PopularityTtl;
    private readonly Lock _lock = new();
    private PopularitySnapshot? _current;
    private long _fetchedAt;
    private bool _invalidated;
    private Task<PopularitySnapshot>? _refresh;

    public ValueTask<PopularitySnapshot> GetAsync()
    {
        Task<PopularitySnapshot> refresh;
        lock (_lock)
        {
            if (_current is not null && !_invalidated && timeProvider.GetElapsedTime(_fetchedAt) < _ttl)
            {
                return ValueTask.FromResult(_current);
            }

            refresh = _refresh ??= RefreshAsync();
            if (_current is not null && !_invalidated)
            {
                return ValueTask.FromResult(_current);
            }
        }

        return new ValueTask<PopularitySnapshot>(refresh);
    }

    /// <summary>The rankings changed on this silo: the next caller waits for the new ones.</summary>
    public void Invalidate()
    {
        lock (_lock)
        {
            _invalidated = true;
        }
    }

    private async Task<PopularitySnapshot> RefreshAsync()
    {
        await Task.Yield();
        var started = timeProvider.GetTimestamp();
        try
        {
            lock (_lock)
            {
                _invalidated = false;
            }

            var snapshot = new PopularitySnapshot(await grains.GetGrain<IPopularityGrain>(IPopularityGrain.GlobalKey).GetListsAsync());
            lock (_lock)
            {
                _current = snapshot;
                _fetchedAt = started;
            }

            return snapshot;
        }
        finally
        {
            lock (_lock)
            {
                _refresh = null;
            }
        }
    }
}
