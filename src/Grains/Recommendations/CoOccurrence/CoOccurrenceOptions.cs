using System.ComponentModel.DataAnnotations;

namespace Orleans.Personalization.Grains.Recommendations.CoOccurrence;

/// <summary>Settings of the co-occurrence projection (section "Recommendations:CoOccurrence").</summary>
public sealed class CoOccurrenceOptions
{
    public const string SectionName = "Recommendations:CoOccurrence";

    /// <summary>Whether shopper events feed product co-occurrence and popularity (off: recommendations fall back to the profile alone).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Under steady traffic, the longest contributions wait in memory before products apply them. Each product
    /// journals one event per flush, so a longer interval means fewer writes; zero flushes after every batch.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>When no new events arrived for this long, pending contributions are applied at once.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan IdleFlushDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Pending contributions that force a flush before more events are read.</summary>
    [Range(1, 10_000_000)]
    public int MaxPendingContributions { get; set; } = 200_000;

    /// <summary>Shoppers whose session window is kept in memory (others are rebuilt from the journal on their next event).</summary>
    [Range(100, 10_000_000)]
    public int MaxCachedShoppers { get; set; } = 200_000;
}
