namespace Orleans.Personalization.Analytics.Funnels;

/// <summary>
/// Ordered funnels: an attempt starts at each first-step event and takes, for every later step, the earliest
/// matching event after the previous step within the window. "Next occurrence" tables make each attempt cost
/// O(steps), so a person's evaluation is O(steps × events) rather than quadratic in their events.
/// </summary>
internal sealed class OrderedMatcher(CompiledFunnel funnel) : IFunnelMatcher
{
    private readonly int[] _positions = new int[funnel.StepCount];
    private readonly long[] _ticks = new long[funnel.StepCount];
    private readonly BestAttempt _best = new(funnel.StepCount);
    private readonly ExclusionChecker _exclusions = new(funnel);
    private int[] _next = [];

    public PersonFunnelOutcome? Evaluate(ReadOnlySpan<FunnelEntry> entries)
    {
        var firstAnchor = FirstAnchor(entries);
        if (firstAnchor < 0)
        {
            return null;
        }

        var n = entries.Length;
        var stride = n + 1;
        BuildNextTables(entries);
        _exclusions.Prepare(entries);
        _best.Reset();

        for (var start = firstAnchor; start < n && !_best.IsComplete; start++)
        {
            if ((entries[start].Steps & 1u) == 0)
            {
                continue;
            }

            var deadline = entries[start].Ticks + funnel.WindowTicks;
            _positions[0] = start;
            _ticks[0] = entries[start].Ticks;
            var reached = 0;
            for (var k = 1; k < funnel.StepCount; k++)
            {
                var j = _next[(k * stride) + _positions[k - 1] + 1];
                if (j == n || entries[j].Ticks > deadline)
                {
                    break;
                }

                _positions[k] = j;
                _ticks[k] = entries[j].Ticks;
                reached = k;
            }

            if (_best.WouldImprove(reached) && !_exclusions.Excludes(entries, _positions, reached, deadline))
            {
                _best.Offer(reached, _ticks, entries[start].Breakdown);
            }
        }

        return _best.ToOutcome();
    }

    private static int FirstAnchor(ReadOnlySpan<FunnelEntry> entries)
    {
        for (var i = 0; i < entries.Length; i++)
        {
            if ((entries[i].Steps & 1u) != 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>_next[k * (n + 1) + i] is the first index ≥ i whose event matches step k, or n when none does.</summary>
    private void BuildNextTables(ReadOnlySpan<FunnelEntry> entries)
    {
        var n = entries.Length;
        var stride = n + 1;
        if (_next.Length < funnel.StepCount * stride)
        {
            _next = new int[funnel.StepCount * stride];
        }

        for (var k = 1; k < funnel.StepCount; k++)
        {
            var row = k * stride;
            _next[row + n] = n;
            for (var i = n - 1; i >= 0; i--)
            {
                _next[row + i] = ((entries[i].Steps >> k) & 1u) != 0 ? i : _next[row + i + 1];
            }
        }
    }
}
