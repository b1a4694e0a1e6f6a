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

        // Each part is searched on its own (a word holds no space, so it could not span two parts of a joined text).
        var found = 0;
        foreach (var word in _words)
        {
            if (Contains(info.Title, word) || AnyContains(info.CategoryPath, word) || AttributeContains(info, word))
            {
                found++;
            }
        }

        return (double)found / _words.Length;
    }

    private static bool Contains(string? text, string word) => text is not null && text.Contains(word, StringComparison.OrdinalIgnoreCase);

    private static bool AnyContains(IReadOnlyList<string> texts, string word)
    {
        for (var i = 0; i < texts.Count; i++)
        {
            if (Contains(texts[i], word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AttributeContains(ProductInfo info, string word)
    {
        foreach (var value in info.Attributes.Values)
        {
            if (Contains(value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString() : value.GetRawText(), word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a category name contains one of the words.</summary>
    public bool Names(string category) => _words.Any(w => category.Contains(w, StringComparison.OrdinalIgnoreCase));
}
