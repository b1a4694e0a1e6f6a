namespace Orleans.Personalization.Grains.Analytics;

/// <summary>
/// One shared copy of each short text the read model stores often (property names, categories, product ids,
/// event names, devices). Bounded: past <see cref="MaxEntries"/> new texts are kept as they are. Used by the
/// read model's single writer only.
/// </summary>
internal sealed class TextPool
{
    public const int MaxEntries = 2_000_000;
    public const int MaxLength = 64;
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);

    public string Share(string value)
    {
        if (value.Length > MaxLength)
        {
            return value;
        }

        if (_pool.TryGetValue(value, out var shared))
        {
            return shared;
        }

        if (_pool.Count < MaxEntries)
        {
            _pool[value] = value;
        }

        return value;
    }

    public string? ShareOrNull(string? value) => value is null ? null : Share(value);
}
