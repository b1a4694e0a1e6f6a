namespace Orleans.Personalization.Analytics.Funnels;

/// <summary>
/// Answers "did an excluded event happen inside this attempt?" in constant time per exclusion, using prefix
/// counts of each exclusion over the person's entries.
/// </summary>
internal sealed class ExclusionChecker(CompiledFunnel funnel)
{
    private int[] _prefix = [];
    private int _stride;

    public void Prepare(ReadOnlySpan<FunnelEntry> entries)
    {
        var count = funnel.Exclusions.Count;
        if (count == 0)
        {
            return;
        }

        _stride = entries.Length + 1;
        if (_prefix.Length < count * _stride)
        {
            _prefix = new int[count * _stride];
        }

        for (var e = 0; e < count; e++)
        {
            var row = e * _stride;
            _prefix[row] = 0;
            for (var i = 0; i < entries.Length; i++)
            {
                _prefix[row + i + 1] = _prefix[row + i] + (int)((entries[i].Exclusions >> e) & 1u);
            }
        }
    }

    /// <summary>
    /// True when the attempt whose step k sits at <paramref name="positions"/>[k] (for k ≤ reached) has an
    /// excluded event strictly between its FromStep and ToStep entries, or, when ToStep was not reached,
    /// after FromStep and no later than <paramref name="deadline"/>.
    /// </summary>
    public bool Excludes(ReadOnlySpan<FunnelEntry> entries, ReadOnlySpan<int> positions, int reached, long deadline)
    {
        for (var e = 0; e < funnel.Exclusions.Count; e++)
        {
            var exclusion = funnel.Exclusions[e];
            if (reached < exclusion.FromStep)
            {
                continue;
            }

            var low = positions[exclusion.FromStep] + 1;
            var high = reached >= exclusion.ToStep ? positions[exclusion.ToStep] : FirstAfter(entries, deadline);
            var row = e * _stride;
            if (high > low && _prefix[row + high] - _prefix[row + low] > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static int FirstAfter(ReadOnlySpan<FunnelEntry> entries, long deadline)
    {
        int low = 0, high = entries.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (entries[mid].Ticks <= deadline)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
