namespace Orleans.Personalization.Grains.State;

/// <summary>
/// Interest in categories, decaying exponentially with a 14-day half-life of event time. A weight is stored
/// with the time it was last updated and decayed on use, so Apply needs no clock. At most
/// <see cref="MaxCategories"/> are kept; a new category displaces the weakest.
/// </summary>
public sealed class CategoryAffinity
{
    public const int MaxCategories = 20;
    public static readonly double HalfLifeMilliseconds = TimeSpan.FromDays(14).TotalMilliseconds;

    public List<CategoryWeight> Entries { get; set; } = [];

    /// <summary>The weight as it stands at <paramref name="atMs"/>.</summary>
    public static double Decay(double weight, long fromMs, long atMs) =>
        atMs <= fromMs ? weight : weight * Math.Pow(2, -(atMs - fromMs) / HalfLifeMilliseconds);

    public void Add(string category, double amount, long atMs)
    {
        var entry = Entries.Find(e => e.Category == category);
        if (entry is null)
        {
            if (Entries.Count >= MaxCategories)
            {
                EvictWeakest(atMs);
            }

            Entries.Add(new CategoryWeight { Category = StringPool.Share(category), Weight = amount, AsOf = atMs });
            return;
        }

        if (atMs >= entry.AsOf)
        {
            entry.Weight = Decay(entry.Weight, entry.AsOf, atMs) + amount;
            entry.AsOf = atMs;
        }
        else
        {
            // An older event (from a merged anonymous history) counts for less: decay it to the entry's time.
            entry.Weight += Decay(amount, atMs, entry.AsOf);
        }
    }

    private void EvictWeakest(long atMs)
    {
        var weakest = 0;
        for (var i = 1; i < Entries.Count; i++)
        {
            if (Decay(Entries[i].Weight, Entries[i].AsOf, atMs) < Decay(Entries[weakest].Weight, Entries[weakest].AsOf, atMs))
            {
                weakest = i;
            }
        }

        Entries.RemoveAt(weakest);
    }
}
