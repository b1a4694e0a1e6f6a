namespace Orleans.Personalization.Analytics.Funnels;

/// <summary>
/// Unordered funnels: an attempt starts at any step event and counts how many distinct steps the events in
/// its window complete, one event per step. When one event could satisfy several steps, a greedy choice can
/// undercount, so events are assigned by bipartite matching (augmenting paths, Kuhn's algorithm); adding
/// events in time order and augmenting once per event also gives the moment each further step was done.
/// </summary>
internal sealed class UnorderedMatcher(CompiledFunnel funnel) : IFunnelMatcher
{
    private readonly int[] _owner = new int[funnel.StepCount];
    private readonly bool[] _visited = new bool[funnel.StepCount];
    private readonly long[] _ticks = new long[funnel.StepCount];
    private readonly BestAttempt _best = new(funnel.StepCount);

    public PersonFunnelOutcome? Evaluate(ReadOnlySpan<FunnelEntry> entries)
    {
        _best.Reset();
        for (var anchor = 0; anchor < entries.Length && !_best.IsComplete; anchor++)
        {
            if (entries[anchor].Steps == 0)
            {
                continue;
            }

            var deadline = entries[anchor].Ticks + funnel.WindowTicks;
            Array.Fill(_owner, -1);
            var matched = 0;
            for (var j = anchor; j < entries.Length && entries[j].Ticks <= deadline && matched < funnel.StepCount; j++)
            {
                if (entries[j].Steps == 0)
                {
                    continue;
                }

                Array.Clear(_visited);
                if (TryAssign(entries, j))
                {
                    _ticks[matched++] = entries[j].Ticks;
                }
            }

            if (_best.WouldImprove(matched - 1))
            {
                _best.Offer(matched - 1, _ticks, entries[anchor].Breakdown);
            }
        }

        return _best.ToOutcome();
    }

    /// <summary>Finds a step for entry <paramref name="index"/>, moving earlier entries to other steps if that frees one.</summary>
    private bool TryAssign(ReadOnlySpan<FunnelEntry> entries, int index)
    {
        var steps = entries[index].Steps;
        while (steps != 0)
        {
            var step = System.Numerics.BitOperations.TrailingZeroCount(steps);
            steps &= steps - 1;
            if (_visited[step])
            {
                continue;
            }

            _visited[step] = true;
            if (_owner[step] < 0 || TryAssign(entries, _owner[step]))
            {
                _owner[step] = index;
                return true;
            }
        }

        return false;
    }
}
