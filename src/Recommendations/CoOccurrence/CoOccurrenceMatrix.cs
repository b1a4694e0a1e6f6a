namespace Orleans.Personalization.Recommendations.CoOccurrence;

/// <summary>
/// How many baskets (a session, a user's history) hold each item and each pair of items. Grows one item at a
/// time: adding an item to a basket pairs it with what the basket already held, which is how a per-product actor
/// would receive it.
/// </summary>
public sealed class CoOccurrenceMatrix
{
    private readonly Dictionary<long, int> _itemCounts = [];
    private readonly Dictionary<long, Dictionary<long, int>> _pairCounts = [];

    /// <summary>Number of baskets seen.</summary>
    public int BasketCount { get; private set; }

    public IEnumerable<long> Items => _itemCounts.Keys;

    /// <summary>Counts a new basket holding these items (repeats ignored).</summary>
    public void AddBasket(IEnumerable<long> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        StartBasket();
        var held = new HashSet<long>();
        foreach (var item in items)
        {
            AddToBasket(held, item);
        }
    }

    /// <summary>Starts counting a basket that items will be added to one by one.</summary>
    public void StartBasket() => BasketCount++;

    /// <summary>Adds <paramref name="item"/> to a basket that already holds <paramref name="held"/>, then records it there.</summary>
    public void AddToBasket(HashSet<long> held, long item)
    {
        ArgumentNullException.ThrowIfNull(held);
        if (!held.Add(item))
        {
            return;
        }

        _itemCounts[item] = _itemCounts.GetValueOrDefault(item) + 1;
        foreach (var other in held)
        {
            if (other != item)
            {
                Increment(item, other);
                Increment(other, item);
            }
        }
    }

    public int CountOf(long item) => _itemCounts.GetValueOrDefault(item);

    public int CountOf(long item, long other) =>
        _pairCounts.TryGetValue(item, out var row) ? row.GetValueOrDefault(other) : 0;

    /// <summary>Every item that shares a basket with <paramref name="item"/>, with the number of shared baskets.</summary>
    public IReadOnlyDictionary<long, int> PartnersOf(long item) =>
        _pairCounts.TryGetValue(item, out var row) ? row : new Dictionary<long, int>();

    /// <summary>The similarity of <paramref name="item"/> and <paramref name="other"/> under <paramref name="measure"/>.</summary>
    public double Similarity(long item, long other, SimilarityMeasure measure) =>
        measure.Score(CountOf(item, other), CountOf(item), CountOf(other), BasketCount);

    private void Increment(long item, long other)
    {
        if (!_pairCounts.TryGetValue(item, out var row))
        {
            row = [];
            _pairCounts.Add(item, row);
        }

        row[other] = row.GetValueOrDefault(other) + 1;
    }
}
