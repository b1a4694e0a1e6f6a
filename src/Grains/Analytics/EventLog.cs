namespace Orleans.Personalization.Grains.Analytics;

/// <summary>
/// The events in arrival order, in blocks of <see cref="EventWindow.BlockSize"/>. One writer appends (under the
/// read model's lock); readers take an <see cref="EventWindow"/>. Beyond <c>maxEvents</c> the oldest block goes.
/// </summary>
internal sealed class EventLog(int maxEvents)
{
    private readonly List<StoredEvent[]> _blocks = [];
    private int _inLastBlock = EventWindow.BlockSize;

    public int Count => _blocks.Count == 0 ? 0 : ((_blocks.Count - 1) * EventWindow.BlockSize) + _inLastBlock;

    public long Dropped { get; private set; }

    /// <summary>The time of the oldest event held, or null when none is.</summary>
    public long? OldestTicks => _blocks.Count == 0 ? null : _blocks[0][0].Event.Timestamp.UtcTicks;

    public void Add(StoredEvent stored)
    {
        if (_inLastBlock == EventWindow.BlockSize)
        {
            if (Count + EventWindow.BlockSize > maxEvents && _blocks.Count > 0)
            {
                _blocks.RemoveAt(0);
                Dropped += EventWindow.BlockSize;
            }

            _blocks.Add(new StoredEvent[EventWindow.BlockSize]);
            _inLastBlock = 0;
        }

        _blocks[^1][_inLastBlock++] = stored;
    }

    public EventWindow Window() => new(_blocks.ToArray(), Count);
}
