namespace Orleans.Personalization.Recommendations;

/// <summary>An anonymous browsing session: its clicks in time order.</summary>
public sealed class Session
{
    public Session(long id, IReadOnlyList<Click> clicks)
    {
        ArgumentNullException.ThrowIfNull(clicks);
        if (clicks.Count == 0)
        {
            throw new ArgumentException("A session has at least one click.", nameof(clicks));
        }

        Id = id;
        Clicks = clicks;
        Items = clicks.Select(c => c.ItemId).ToArray();
    }

    public long Id { get; }

    public IReadOnlyList<Click> Clicks { get; }

    /// <summary>The clicked items in order, repeats kept.</summary>
    public IReadOnlyList<long> Items { get; }

    public double LastTimestamp => Clicks[^1].Timestamp;
}
