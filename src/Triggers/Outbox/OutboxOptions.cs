using System.ComponentModel.DataAnnotations;

namespace Orleans.Personalization.Triggers.Outbox;

/// <summary>Settings of the trigger outbox (section "Outbox").</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>
    /// How long triggers stay in the outbox (and finished deliveries in the delivery log). An SSE client
    /// can resume, and a dead letter be redelivered, within this time.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How often readers look for entries appended by other silos (appends on this silo wake them at once).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
