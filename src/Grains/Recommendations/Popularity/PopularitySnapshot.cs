using Orleans.Personalization.Grains.Interfaces.Recommendations;

namespace Orleans.Personalization.Grains.Recommendations.Popularity;

/// <summary>Rankings as read from the popularity grain, with categories found whatever their letter case.</summary>
public sealed class PopularitySnapshot(PopularityLists lists)
{
    private readonly Dictionary<string, CategoryRanking> _categories = new(lists.Categories, StringComparer.OrdinalIgnoreCase);
    private readonly ILookup<string, string> _keysByName = lists.Categories.Keys
        .SelectMany(static key => new[] { key, CategoryKeys.Leaf(key) }.Distinct().Select(name => (name, key)))
        .ToLookup(static p => p.name, static p => p.key, StringComparer.OrdinalIgnoreCase);

    public static PopularitySnapshot Empty { get; } = new(PopularityLists.Empty);

    public PopularityLists Lists { get; } = lists;

    public CategoryRanking? Category(string key) => _categories.GetValueOrDefault(key);

    /// <summary>The category keys a name stands for: the key itself ("Shoes &gt; Running") or any key ending in it ("Running").</summary>
    public IEnumerable<string> KeysNamed(string name) => _keysByName[name];
}
