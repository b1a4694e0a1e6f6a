namespace Orleans.Personalization.Grains.Analytics;

/// <summary>
/// A session of one shopper stream (30 minutes of inactivity end it), shared by its events. Start and end
/// grow as events join; only the read model's writer changes them.
/// </summary>
public sealed class SessionSpan(string id, long ticks)
{
    public static readonly long TimeoutTicks = TimeSpan.FromMinutes(30).Ticks;

    public string Id { get; } = id;

    public long StartTicks { get; private set; } = ticks;

    public long EndTicks { get; private set; } = ticks;

    /// <summary>Whether an event at <paramref name="ticks"/> belongs here: no more than 30 minutes outside the span.</summary>
    public bool Admits(long ticks) => ticks >= StartTicks - TimeoutTicks && ticks <= EndTicks + TimeoutTicks;

    public void Extend(long ticks)
    {
        StartTicks = Math.Min(StartTicks, ticks);
        EndTicks = Math.Max(EndTicks, ticks);
    }
}
