namespace Orleans.Personalization.Analytics.Metrics;

/// <summary>What metrics need to know about one session, gathered in a single pass over its events.</summary>
internal sealed class SessionFacts(string personId, long firstTicks)
{
    public string PersonId { get; } = personId;

    public long FirstTicks { get; private set; } = firstTicks;

    public long LastTicks { get; private set; } = firstTicks;

    public int PageViews { get; set; }

    public int Interactions { get; set; }

    public bool AddedToCart { get; set; }

    public int Orders { get; set; }

    public decimal Revenue { get; set; }

    public string? BreakdownValue { get; set; }

    public Dictionary<(string Placement, string Strategy), (int Impressions, int Clicks)> Recommendations { get; } = [];

    public void Extend(long ticks)
    {
        FirstTicks = Math.Min(FirstTicks, ticks);
        LastTicks = Math.Max(LastTicks, ticks);
    }

    public bool IsBounce(TimeSpan threshold) =>
        PageViews == 1 && Interactions == 0 && LastTicks - FirstTicks < threshold.Ticks;
}
