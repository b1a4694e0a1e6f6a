using System.Text.Json.Serialization;
using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Grains.State;

namespace Orleans.Personalization.Grains.Recommendations.Popularity;

/// <summary>
/// The best-scored products, at most a given number. A product's weight relative to a fixed reference only grows,
/// so an offer keeps the larger of old and new score, and a newcomer replaces the weakest entry only if it beats
/// it. Ties are broken by product id, never by dictionary order (which a snapshot would not restore).
/// </summary>
public sealed class TopList
{
    private (string Id, double Score)? _weakest;

    public Dictionary<string, double> Scores { get; set; } = new(StringComparer.Ordinal);

    [JsonIgnore]
    public double Best => Scores.Count == 0 ? 0 : Scores.Values.Max();

    public bool WouldChange(string productId, double score, int capacity) =>
        score > 0 && (Scores.TryGetValue(productId, out var current)
            ? score > current
            : Scores.Count < capacity || IsStronger(productId, score, Weakest()));

    public void Offer(string productId, double score, int capacity)
    {
        if (!WouldChange(productId, score, capacity))
        {
            return;
        }

        if (!Scores.ContainsKey(productId) && Scores.Count >= capacity)
        {
            Scores.Remove(Weakest().Id);
        }

        Scores[StringPool.Share(productId)] = score;
        _weakest = null;
    }

    public void Scale(double factor)
    {
        foreach (var id in Scores.Keys.ToArray())
        {
            Scores[id] *= factor;
        }

        _weakest = null;
    }

    /// <summary>Best first; equal scores in product id order.</summary>
    public IReadOnlyList<RankedProduct> Ranked(int count) => Scores
        .OrderByDescending(static s => s.Value)
        .ThenBy(static s => s.Key, StringComparer.Ordinal)
        .Take(count)
        .Select(static s => new RankedProduct(s.Key, s.Value))
        .ToArray();

    private static bool IsStronger(string productId, double score, (string Id, double Score) than) =>
        score > than.Score || (score == than.Score && string.CompareOrdinal(productId, than.Id) < 0);

    private (string Id, double Score) Weakest()
    {
        if (_weakest is { } cached)
        {
            return cached;
        }

        (string Id, double Score) weakest = ("", 0);
        var first = true;
        foreach (var (id, score) in Scores)
        {
            if (first || IsStronger(weakest.Id, weakest.Score, (id, score)))
            {
                weakest = (id, score);
                first = false;
            }
        }

        _weakest = weakest;
        return weakest;
    }
}
