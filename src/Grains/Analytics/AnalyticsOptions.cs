using System.ComponentModel.DataAnnotations;

namespace Orleans.Personalization.Grains.Analytics;

/// <summary>Settings of the analytics read model (section "Analytics").</summary>
public sealed class AnalyticsOptions
{
    public const string SectionName = "Analytics";

    /// <summary>Whether this silo keeps the read model (every silo that answers analytics queries needs it).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The most events held in memory (about 230 bytes each, docs/analytics.md); past it the oldest are dropped
    /// in blocks of 16,384, and queries answer over the rest.
    /// </summary>
    [Range(16_384, 500_000_000)]
    public int MaxEvents { get; set; } = 2_000_000;

    /// <summary>Journal records read per partition and request.</summary>
    [Range(100, 100_000)]
    public int BatchSize { get; set; } = 2000;

    /// <summary>How often every partition is looked at; appends on this silo are read at once.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
