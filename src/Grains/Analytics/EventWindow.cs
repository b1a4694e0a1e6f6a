using System.Collections;
using Orleans.Personalization.Analytics;

namespace Orleans.Personalization.Grains.Analytics;

/// <summary>
/// A fixed view of the events held at one moment, in arrival order. The read model only ever appends to its
/// blocks beyond this view's count and drops whole blocks from the front, so the view stays valid while it goes on.
/// </summary>
public sealed class EventWindow : IReadOnlyList<AnalyticsEvent>
{
    public const int BlockShift = 14;
    public const int BlockSize = 1 << BlockShift;
    private readonly StoredEvent[][] _blocks;

    public EventWindow(StoredEvent[][] blocks, int count)
    {
        _blocks = blocks;
        Count = count;
    }

    public static EventWindow Empty { get; } = new([], 0);

    public int Count { get; }

    public AnalyticsEvent this[int index] => Stored(index).Event;

    public StoredEvent Stored(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        return _blocks[index >> BlockShift][index & (BlockSize - 1)];
    }

    public IEnumerator<AnalyticsEvent> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return _blocks[i >> BlockShift][i & (BlockSize - 1)].Event;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
