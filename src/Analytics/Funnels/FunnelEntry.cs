namespace Orleans.Personalization.Analytics.Funnels;

/// <summary>
/// An event reduced to what matching needs: its time, the arrival sequence that breaks ties between equal
/// times, bit masks of the steps and exclusions it satisfies, and the breakdown value it would give an attempt.
/// </summary>
internal readonly record struct FunnelEntry(long Ticks, long Sequence, uint Steps, uint Exclusions, string? Breakdown)
{
    public static int Compare(FunnelEntry a, FunnelEntry b)
    {
        var byTime = a.Ticks.CompareTo(b.Ticks);
        return byTime != 0 ? byTime : a.Sequence.CompareTo(b.Sequence);
    }
}
