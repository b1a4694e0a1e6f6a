using System.Text.Json.Serialization.Metadata;
using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Runtime.EventSourcing;

namespace Orleans.Personalization.Grains.Recommendations.Popularity;

/// <summary>
/// Popular and trending products, global and per category. Fed once per projection flush with the counters
/// of the products it touched; only observations that change a ranking are journaled.
/// </summary>
public sealed class PopularityGrain : JournaledGrain<PopularityState, PopularityEvent>, IPopularityGrain
{
    public const int GlobalListLength = 100;
    public const int CategoryListLength = 30;

    private PopularityLists? _lists;

    protected override JsonTypeInfo<PopularityEvent> EventTypeInfo => RecommendationJsonContext.Default.PopularityEvent;

    protected override JsonTypeInfo<PopularityState> StateTypeInfo => RecommendationJsonContext.Default.PopularityState;

    public async Task ObserveAsync(IReadOnlyList<ProductCounters> observations)
    {
        var changing = observations
            .Select(static c => new PopularityObservation(c.ProductId, c.CategoryPath, c.Popular, c.Trending, c.AtMs))
            .Where(State.WouldChange)
            .ToArray();
        if (changing.Length == 0)
        {
            return;
        }

        RaiseEvent(new PopularityObserved
        {
            Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(changing.Max(static o => o.AtMs)),
            Observations = changing,
        });
        await ConfirmEventsAsync();
        _lists = null;
    }

    public Task<PopularityLists> GetListsAsync() => Task.FromResult(_lists ??= State.ToLists(GlobalListLength, CategoryListLength));
}
