using Orleans.Personalization.Runtime;

namespace Orleans.Personalization.Grains.Interfaces.Recommendations;

/// <summary>
/// Time-decayed popularity and trending, globally and per category, for cold start. Keyed by
/// <see cref="GlobalKey"/>. Fed with products' own counters, so applying an observation twice changes nothing.
/// </summary>
[GrainType("popularity")]
public interface IPopularityGrain : IGrainWithStringKey
{
    public const string GlobalKey = "global";

    /// <summary>Takes in products' latest counters (a product's score only ever grows, so the larger value wins).</summary>
    Task ObserveAsync(IReadOnlyList<ProductCounters> observations);

    /// <summary>The current rankings.</summary>
    Task<PopularityLists> GetListsAsync();
}
