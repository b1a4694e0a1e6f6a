namespace Orleans.Personalization.Analytics.Funnels;

/// <summary>
/// Strict funnels: step k of an attempt must be the person's very next event after step k-1, so an attempt
/// starting at entry i can only use entries i, i+1, i+2, ... (unmatched events are kept for this reason).
/// </summary>
internal sealed class StrictMatcher(CompiledFunnel funnel) : IFunnelMatcher
{
    private readonly int[] _positions = new int[funnel.StepCount];
    private readonly long[] _ticks = new long[funnel.StepCount];
    private readonly BestAttempt _best = new(funnel.StepCount);
    private readonly ExclusionChecker _exclusions = new(funnel);

    public PersonFunnelOutcome? Evaluate(ReadOnlySpan<FunnelEntry> entries)
    {
        _best.Reset();
        var prepared = false;
        for (var start = 0; start < entries.Length && !_best.IsComplete; start++)
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
                var j = start + k;
                if (j >= entries.Length || ((entries[j].Steps >> k) & 1u) == 0 || entries[j].Ticks > deadline)
                {
                    break;
                }

                _positions[k] = j;
                _ticks[k] = entries[j].Ticks;
                reached = k;
            }

            if (!_best.WouldImprove(reached))
            {
                continue;
            }

            if (!prepared)
            {
                _exclusions.Prepare(entries);
                prepared = true;
            }

            if (!_exclusions.Excludes(entries, _positions, reached, deadline))
            {
                _best.Offer(reached, _ticks, entries[start].Breakdown);
            }
        }

        return _best.ToOutcome();
    }
}
