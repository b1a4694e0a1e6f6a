namespace Orleans.Personalization.Grains.Recommendations.Popularity;

/// <summary>Category rankings are kept for every level of a path: "Shoes" and "Shoes &gt; Running".</summary>
public static class CategoryKeys
{
    public const string Separator = " > ";

    /// <summary>The last level of a key: "Running" for "Shoes &gt; Running".</summary>
    public static string Leaf(string key)
    {
        var separator = key.LastIndexOf(Separator, StringComparison.Ordinal);
        return separator < 0 ? key : key[(separator + Separator.Length)..];
    }

    public static IEnumerable<string> Of(IReadOnlyList<string> path)
    {
        for (var depth = 1; depth <= path.Count; depth++)
        {
            yield return string.Join(Separator, path.Take(depth));
        }
    }
}
