namespace Orleans.Personalization.Grains.State;

/// <summary>
/// Sessions by the 30-minute inactivity rule on event time: an event more than 30 minutes after the last
/// one starts a new session. An event older than the current session by more than 30 minutes (a merged
/// anonymous history arriving after the user's own events) is counted as an earlier session of its own.
/// </summary>
public sealed class SessionTracker
{
    public static readonly long TimeoutMilliseconds = (long)TimeSpan.FromMinutes(30).TotalMilliseconds;

    public int Count { get; set; }

    public long StartedAt { get; set; }

    public long LastEventAt { get; set; }

    public int Events { get; set; }

    public int PageViews { get; set; }

    /// <summary>Latest event time of any earlier session absorbed out of order, to group such events.</summary>
    public long EarlierLastEventAt { get; set; }

    public void Track(long atMs, bool isPageView)
    {
        var pages = isPageView ? 1 : 0;
        if (Count == 0 || atMs > LastEventAt + TimeoutMilliseconds)
        {
            Count++;
            StartedAt = LastEventAt = atMs;
            Events = 1;
            PageViews = pages;
        }
        else if (atMs >= StartedAt - TimeoutMilliseconds)
        {
            StartedAt = Math.Min(StartedAt, atMs);
            LastEventAt = Math.Max(LastEventAt, atMs);
            Events++;
            PageViews += pages;
        }
        else
        {
            if (atMs > EarlierLastEventAt + TimeoutMilliseconds || atMs < EarlierLastEventAt - TimeoutMilliseconds)
            {
                Count++;
            }

            EarlierLastEventAt = atMs;
        }
    }
}
