using System.Diagnostics.CodeAnalysis;

namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>The names strategies have in responses, settings and the journal (they never change).</summary>
public static class StrategyNames
{
    public const int Count = 9;

    private static readonly string[] Names =
        ["pinned", "co-purchase", "co-cart", "co-view", "session-knn", "category-trending", "trending", "popular", "search"];

    public static IReadOnlyList<string> All => Names;

    public static string Name(this RecommendationStrategy strategy) => Names[(int)strategy];

    public static bool TryParse(string name, [NotNullWhen(true)] out RecommendationStrategy? strategy)
    {
        var index = Array.IndexOf(Names, name);
        strategy = index < 0 ? null : (RecommendationStrategy)index;
        return index >= 0;
    }
}
