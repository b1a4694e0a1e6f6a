using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Runtime.EventSourcing;

namespace Orleans.Personalization.Grains.Recommendations.Popularity;

/// <summary>
/// Popular and trending rankings, global and per category, in bounded memory: only the best products of each
/// list are kept, and at most <see cref="MaxCategories"/> categories (the weakest goes first). Weights are
/// relative to <see cref="ReferenceMs"/> (see <see cref="HalfLives"/>). A deterministic fold of the journal.
/// </summary>
public sealed class PopularityState : IJournaledState<PopularityEvent>
{
    public const int GlobalSize = 200;
    public const int CategorySize = 50;
    public const int MaxCategories = 2000;

    public long ReferenceMs { get; set; }

    public TopList Popular { get; set; } = new();

    public TopList Trending { get; set; } = new();

    public Dictionary<string, CategoryTopLists> Categories { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Whether the observation would change any ranking (observations that would not are not journaled).</summary>
    public bool WouldChange(PopularityObservation o)
    {
        if (ReferenceMs == 0 || HalfLives.NeedsRebase(o.AtMs, ReferenceMs))
        {
            return true;
        }

        var (popular, trending) = Weights(o, ReferenceMs);
        return Popular.WouldChange(o.ProductId, popular, GlobalSize)
            || Trending.WouldChange(o.ProductId, trending, GlobalSize)
            || CategoryKeys.Of(o.CategoryPath).Any(key => !Categories.TryGetValue(key, out var lists)
                || lists.Popular.WouldChange(o.ProductId, popular, CategorySize)
                || lists.Trending.WouldChange(o.ProductId, trending, CategorySize));
    }

    public void Apply(PopularityEvent domainEvent)
    {
        if (domainEvent is not PopularityObserved observed)
        {
            return;
        }

        foreach (var o in observed.Observations)
        {
            MoveReferenceFor(o.AtMs);
            var (popular, trending) = Weights(o, ReferenceMs);
            Popular.Offer(o.ProductId, popular, GlobalSize);
            Trending.Offer(o.ProductId, trending, GlobalSize);
            foreach (var key in CategoryKeys.Of(o.CategoryPath))
            {
                if (!Categories.TryGetValue(key, out var lists))
                {
                    lists = new CategoryTopLists();
                    Categories[key] = lists;
                    EvictWeakestCategoryIfFull(key);
                }

                lists.Popular.Offer(o.ProductId, popular, CategorySize);
                lists.Trending.Offer(o.ProductId, trending, CategorySize);
            }
        }
    }

    public PopularityLists ToLists(int globalCount, int categoryCount) => new(
        Popular.Ranked(globalCount),
        Trending.Ranked(globalCount),
        Categories.ToDictionary(
            static c => c.Key,
            c => new CategoryRanking(c.Value.Popular.Ranked(categoryCount), c.Value.Trending.Ranked(categoryCount)),
            StringComparer.Ordinal));

    private static (double Popular, double Trending) Weights(PopularityObservation o, long reference) => (
        o.Popular * HalfLives.Growth(o.AtMs, reference, HalfLives.PopularMs),
        o.Trending * HalfLives.Growth(o.AtMs, reference, HalfLives.TrendingMs));

    private void MoveReferenceFor(long atMs)
    {
        if (ReferenceMs == 0)
        {
            ReferenceMs = atMs;
            return;
        }

        if (!HalfLives.NeedsRebase(atMs, ReferenceMs))
        {
            return;
        }

        var popular = HalfLives.Growth(ReferenceMs, atMs, HalfLives.PopularMs);
        var trending = HalfLives.Growth(ReferenceMs, atMs, HalfLives.TrendingMs);
        Popular.Scale(popular);
        Trending.Scale(trending);
        foreach (var lists in Categories.Values)
        {
            lists.Popular.Scale(popular);
            lists.Trending.Scale(trending);
        }

        ReferenceMs = atMs;
    }

    private void EvictWeakestCategoryIfFull(string added)
    {
        if (Categories.Count <= MaxCategories)
        {
            return;
        }

        var weakest = Categories
            .Where(c => c.Key != added)
            .OrderBy(static c => c.Value.Popular.Best)
            .ThenBy(static c => c.Key, StringComparer.Ordinal)
            .First().Key;
        Categories.Remove(weakest);
    }
}
