namespace Orleans.Personalization.Grains.Recommendations.CoOccurrence;

/// <summary>
/// The windows of the shoppers this silo's projection has seen lately, by partition. Bounded: past the
/// capacity the least recently used half goes; a window that is gone is rebuilt from the journal when needed.
/// </summary>
internal sealed class StreamWindows(int capacity)
{
    private readonly Dictionary<int, Dictionary<string, StreamWindow>> _byPartition = [];
    private long _clock;
    private int _count;

    public int Count => _count;

    public StreamWindow? Get(int partition, string streamId)
    {
        if (_byPartition.TryGetValue(partition, out var windows) && windows.TryGetValue(streamId, out var window))
        {
            window.LastTouched = ++_clock;
            return window;
        }

        return null;
    }

    public void Put(int partition, string streamId, StreamWindow window)
    {
        if (!_byPartition.TryGetValue(partition, out var windows))
        {
            windows = new Dictionary<string, StreamWindow>(StringComparer.Ordinal);
            _byPartition[partition] = windows;
        }

        window.LastTouched = ++_clock;
        if (windows.TryAdd(streamId, window))
        {
            _count++;
        }
        else
        {
            windows[streamId] = window;
        }

        if (_count > capacity)
        {
            EvictOldestHalf();
        }
    }

    public void DropPartition(int partition)
    {
        if (_byPartition.Remove(partition, out var windows))
        {
            _count -= windows.Count;
        }
    }

    private void EvictOldestHalf()
    {
        var keepAfter = _clock - (capacity / 2);
        foreach (var windows in _byPartition.Values)
        {
            foreach (var (streamId, window) in windows.ToArray())
            {
                if (window.LastTouched <= keepAfter)
                {
                    windows.Remove(streamId);
                    _count--;
                }
            }
        }
    }
}
