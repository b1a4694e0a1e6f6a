namespace Orleans.Personalization.Grains.Recommendations.Popularity;

/// <summary>The popular and trending rankings of one category.</summary>
public sealed class CategoryTopLists
{
    public TopList Popular { get; set; } = new();

    public TopList Trending { get; set; } = new();
}
