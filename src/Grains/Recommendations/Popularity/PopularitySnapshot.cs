using Orleans.Personalization.Grains.Interfaces.Recommendations;

namespace Orleans.Personalization.Grains.Recommendations.Popularity;

/// <summary>Rankings as read from the popularity grain, with categories found whatever their letter case.</summary>
public sealed class PopularitySnapshot(PopularityLists lists)
{
    private readonly Dictionary<string, CategoryRanking> _categories = new(lists.Categories, StringComparer.OrdinalIgnoreCase);

    public static PopularitySnapshot Empty { get; } = new(PopularityLists.Empty);

    public PopularityLists Lists { get; } = lists;

    public CategoryRanking? Category(string key) => _categories.GetValueOrDefault(key);
}
