namespace Orleans.Personalization.Grains.Recommendations;

/// <summary>
/// Decay of recommendation signals on event time. Weights are stored relative to a reference time R: an event at
/// t adds 2^((t − R)/h), so decay never needs a sweep and ratios of weights with one half-life need no clock.
/// The half-lives are part of the stored data's meaning: changing one changes what replaying the journal gives.
/// </summary>
public static class HalfLives
{
    /// <summary>Co-occurrence baskets and pairs (SAR's default time decay).</summary>
    public static readonly double CoOccurrenceMs = TimeSpan.FromDays(30).TotalMilliseconds;

    /// <summary>"Popular": activity over the last weeks.</summary>
    public static readonly double PopularMs = TimeSpan.FromDays(7).TotalMilliseconds;

    /// <summary>"Trending": 0.25 days, the half-life tuned for popularity on YooChoose (docs/recommender-evaluation.md).</summary>
    public static readonly double TrendingMs = TimeSpan.FromHours(6).TotalMilliseconds;

    /// <summary>
    /// Weights move to a new reference once an event is this many trending half-lives past the old one (25 days),
    /// far below double's range (2^1023) yet rare.
    /// </summary>
    public const double MaxExponent = 100;

    /// <summary>2^((atMs − referenceMs) / halfLifeMs): the weight of an event at <paramref name="atMs"/> relative to the reference.</summary>
    public static double Growth(long atMs, long referenceMs, double halfLifeMs) => Math.Pow(2, (atMs - referenceMs) / halfLifeMs);

    /// <summary>Whether an event at <paramref name="atMs"/> needs the reference moved before it is added.</summary>
    public static bool NeedsRebase(long atMs, long referenceMs) => (atMs - referenceMs) / TrendingMs > MaxExponent;
}
