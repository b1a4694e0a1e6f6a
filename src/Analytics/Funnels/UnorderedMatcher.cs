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
    private readonly int[] _stepCounts = new int[funnel.StepCount];
    private int _distinctSteps;

    public PersonFunnelOutcome? Evaluate(ReadOnlySpan<FunnelEntry> entries)
    {
        _best.Reset();
        Array.Clear(_stepCounts);
        _distinctSteps = 0;
        var end = 0;
        for (var anchor = 0; anchor < entries.Length && !_best.IsComplete; anchor++)
        {
            // The window [anchor, end) only slides forward; the steps present in it bound what any matching
            // inside it can reach, which skips hopeless anchors (a bot repeating one event costs O(events)).
            var deadline = entries[anchor].Ticks + funnel.WindowTicks;
            for (; end < entries.Length && entries[end].Ticks <= deadline; end++)
            {
                Count(entries[end].Steps, +1);
            }

            if (entries[anchor].Steps != 0 && _best.WouldImprove(_distinctSteps - 1))
            {
                var matched = Match(entries[anchor..end]);
                if (_best.WouldImprove(matched - 1))
                {
                    _best.Offer(matched - 1, _ticks, entries[anchor].Breakdown);
                }
            }

            Count(entries[anchor].Steps, -1);
        }

        return _best.ToOutcome();
    }

    /// <summary>Adds events in time order, recording when each further distinct step was completed.</summary>
    private int Match(ReadOnlySpan<FunnelEntry> window)
    {
        Array.Fill(_owner, -1);
        var matched = 0;
        for (var j = 0; j < window.Length && matched < funnel.StepCount; j++)
        {
            if (window[j].Steps == 0)
            {
                continue;
            }

            Array.Clear(_visited);
            if (TryAssign(window, j))
            {
                _ticks[matched++] = window[j].Ticks;
            }
        }

        return matched;
    }

    private void Count(uint steps, int delta)
    {
        while (steps != 0)
        {
            var step = System.Numerics.BitOperations.TrailingZeroCount(steps);
            steps &= steps - 1;
            var before = _stepCounts[step];
            _stepCounts[step] += delta;
            _distinctSteps += (before == 0 ? 1 : 0) - (_stepCounts[step] == 0 ? 1 : 0);
        }
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
