using System.Collections.Concurrent;

namespace Orleans.Personalization.Grains.State;

/// <summary>
/// Shares one copy of product ids and category names among all shoppers in the silo: thousands of profiles
/// mention the same popular products. Bounded, so a flood of unique ids cannot grow it without limit.
/// </summary>
internal static class StringPool
{
    private const int MaxEntries = 1_000_000;
    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);

    public static string Share(string value)
    {
        if (Pool.TryGetValue(value, out var shared))
        {
            return shared;
        }

        return Pool.Count < MaxEntries ? Pool.GetOrAdd(value, value) : value;
    }

    public static string? ShareOrNull(string? value) => value is null ? null : Share(value);
}
