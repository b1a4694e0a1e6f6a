namespace Orleans.Personalization.Triggers.Webhooks;

/// <summary>
/// Exponential backoff with jitter: after the n-th failed attempt, wait base · 2^(n−1), capped at the
/// maximum, then scaled by a random factor in [0.5, 1) so receivers that failed together do not retry together.
/// </summary>
public static class RetrySchedule
{
    public static TimeSpan DelayAfter(int failedAttempts, TimeSpan baseDelay, TimeSpan maxDelay, double random)
    {
        var exponent = Math.Min(Math.Max(failedAttempts - 1, 0), 30);
        var ticks = Math.Min(baseDelay.Ticks * Math.Pow(2, exponent), maxDelay.Ticks);
        return TimeSpan.FromTicks((long)(ticks * (0.5 + 0.5 * Math.Clamp(random, 0, 1))));
    }
}
