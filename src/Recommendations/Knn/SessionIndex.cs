namespace Orleans.Personalization.Recommendations.Knn;

/// <summary>
/// Past sessions for neighbour search: each session's distinct items and end time, the sessions containing each
/// item, and click counts for idf. Grows one session at a time.
/// </summary>
public sealed class SessionIndex
{
    private readonly List<long[]> _items = [];
    private readonly List<Dictionary<long, int>> _positions = [];
    private readonly List<double> _endTimes = [];
    private readonly Dictionary<long, List<int>> _sessionsByItem = [];
    private readonly Dictionary<long, int> _clicksByItem = [];

    public int SessionCount => _items.Count;

    public void Add(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var slot = _items.Count;
        var positions = new Dictionary<long, int>();
        foreach (var item in session.Items)
        {
            positions.TryAdd(item, positions.Count);
        }

        var distinct = positions.Keys.ToArray();
        _items.Add(distinct);
        _positions.Add(positions);
        _endTimes.Add(session.LastTimestamp);
        foreach (var item in distinct)
        {
            if (!_sessionsByItem.TryGetValue(item, out var sessions))
            {
                sessions = [];
                _sessionsByItem.Add(item, sessions);
            }

            sessions.Add(slot);
        }

        foreach (var item in session.Items)
        {
            _clicksByItem[item] = _clicksByItem.GetValueOrDefault(item) + 1;
        }
    }

    /// <summary>Slots of the sessions that contain <paramref name="item"/>.</summary>
    public IReadOnlyList<int> SessionsWith(long item) =>
        _sessionsByItem.TryGetValue(item, out var sessions) ? sessions : [];

    /// <summary>The session's distinct items in order of first click.</summary>
    public IReadOnlyList<long> ItemsOf(int slot) => _items[slot];

    /// <summary>Where <paramref name="item"/> is in <see cref="ItemsOf"/>, or −1 when the session lacks it.</summary>
    public int PositionOf(int slot, long item) => _positions[slot].TryGetValue(item, out var position) ? position : -1;

    public double EndTimeOf(int slot) => _endTimes[slot];

    /// <summary>ln(sessions / clicks on the item), as session-rec computes it; 0 for an unknown item.</summary>
    public double InverseDocumentFrequency(long item) =>
        _clicksByItem.TryGetValue(item, out var clicks) ? Math.Log((double)SessionCount / clicks) : 0;

    /// <summary>
    /// The sessions sharing an item with <paramref name="items"/>, at most <paramref name="sampleSize"/> of them
    /// (0 = all), most recently ended first; equal end times put the later-added session first.
    /// </summary>
    public IReadOnlyList<int> RecentSessionsWithAny(IEnumerable<long> items, int sampleSize)
    {
        ArgumentNullException.ThrowIfNull(items);
        var candidates = new HashSet<int>();
        foreach (var item in items)
        {
            candidates.UnionWith(SessionsWith(item));
        }

        var ordered = candidates.ToArray();
        Array.Sort(ordered, (a, b) =>
        {
            var byTime = _endTimes[b].CompareTo(_endTimes[a]);
            return byTime != 0 ? byTime : b.CompareTo(a);
        });

        return sampleSize > 0 && ordered.Length > sampleSize ? ordered[..sampleSize] : ordered;
    }
}
