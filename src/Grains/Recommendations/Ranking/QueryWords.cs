using Orleans.Personalization.Grains.Interfaces.Catalog;

namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>The words of a search query, and how many of them a product's title, categories or attributes contain.</summary>
public sealed class QueryWords
{
    private readonly string[] _words;

    public QueryWords(string? query)
    {
        _words = (query ?? "")
            .Split([' ', '\t', ',', ';', '.', '/', '-', '_', '"', '\''], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(static w => w.Length >= 2)
            .Select(static w => w.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    public bool IsEmpty => _words.Length == 0;

    public IReadOnlyList<string> Words => _words;

    /// <summary>The share of query words (0 to 1) found in the product's title, category path or attribute values.</summary>
    public double Match(ProductInfo? info)
    {
        if (info is null || _words.Length == 0)
        {
            return 0;
        }

        var text = string.Join(' ', new[] { info.Title ?? "" }
            .Concat(info.CategoryPath)
            .Concat(info.Attributes.Values.Select(static v => v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString() ?? "" : v.GetRawText())));
        var found = _words.Count(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
        return (double)found / _words.Length;
    }

    /// <summary>Whether a category name contains one of the words.</summary>
    public bool Names(string category) => _words.Any(w => category.Contains(w, StringComparison.OrdinalIgnoreCase));
}
