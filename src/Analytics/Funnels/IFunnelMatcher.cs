namespace Orleans.Personalization.Analytics.Funnels;

/// <summary>Finds the attempt to count for one person; instances reuse buffers and are not thread-safe.</summary>
internal interface IFunnelMatcher
{
    /// <summary>
    /// Evaluates one person's entries, sorted by time then sequence. Among attempts that survive exclusions
    /// it returns the one reaching the furthest step, the earliest such attempt on ties; null when none.
    /// </summary>
    PersonFunnelOutcome? Evaluate(ReadOnlySpan<FunnelEntry> entries);
}
