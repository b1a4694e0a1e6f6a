namespace Orleans.Personalization.Analytics.Statistics;

/// <summary>Inverts an increasing function by bisection: slower than Newton, but it cannot diverge in a distribution's tails.</summary>
internal static class MonotoneInverse
{
    public static double Solve(Func<double, double> increasing, double target, double low, double high)
    {
        for (var i = 0; i < 400; i++)
        {
            var middle = 0.5 * (low + high);
            if (middle <= low || middle >= high)
            {
                break;
            }

            if (increasing(middle) < target)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return 0.5 * (low + high);
    }

    /// <summary>Doubles an upper bound from <paramref name="start"/> until the function reaches the target there.</summary>
    public static double UpperBracket(Func<double, double> increasing, double target, double start)
    {
        var high = Math.Max(start, 1);
        while (increasing(high) < target && high < 1e300)
        {
            high *= 2;
        }

        return high;
    }
}
