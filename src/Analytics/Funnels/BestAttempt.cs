namespace Orleans.Personalization.Analytics.Funnels;

/// <summary>Keeps the best attempt seen so far for one person: the furthest reach, the earliest on ties.</summary>
internal sealed class BestAttempt(int stepCount)
{
    private readonly long[] _ticks = new long[stepCount];
    private string? _breakdown;

    public int Reached { get; private set; } = -1;

    public bool IsComplete => Reached == _ticks.Length - 1;

    public void Reset()
    {
        Reached = -1;
        _breakdown = null;
    }

    /// <summary>True when an attempt reaching <paramref name="reached"/> would replace the current best.</summary>
    public bool WouldImprove(int reached) => reached > Reached;

    public void Offer(int reached, ReadOnlySpan<long> stepTicks, string? breakdown)
    {
        Reached = reached;
        stepTicks[..(reached + 1)].CopyTo(_ticks);
        _breakdown = breakdown;
    }

    public PersonFunnelOutcome? ToOutcome() =>
        Reached < 0 ? null : new PersonFunnelOutcome(Reached, _ticks[..(Reached + 1)], _breakdown);
}
