using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Orleans.Personalization.Grains.Analytics;

/// <summary>
/// Event properties as one array of alternating names and values: an event carries a handful, so a linear
/// search beats a hash table and costs a fraction of its memory (the read model holds millions of these).
/// </summary>
public sealed class CompactPropertyDictionary : IReadOnlyDictionary<string, string>
{
    private readonly string[] _pairs;

    public CompactPropertyDictionary(string[] pairs)
    {
        if (pairs.Length % 2 != 0)
        {
            throw new ArgumentException("Names and values come in pairs.", nameof(pairs));
        }

        _pairs = pairs;
    }

    public static CompactPropertyDictionary Empty { get; } = new([]);

    public int Count => _pairs.Length / 2;

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => Enumerable.Range(0, Count).Select(i => _pairs[2 * i]);

    public IEnumerable<string> Values => Enumerable.Range(0, Count).Select(i => _pairs[(2 * i) + 1]);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        for (var i = 0; i < _pairs.Length; i += 2)
        {
            if (string.Equals(_pairs[i], key, StringComparison.Ordinal))
            {
                value = _pairs[i + 1];
                return true;
            }
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < _pairs.Length; i += 2)
        {
            yield return new KeyValuePair<string, string>(_pairs[i], _pairs[i + 1]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
