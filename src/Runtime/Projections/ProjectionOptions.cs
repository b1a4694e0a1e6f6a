using System.ComponentModel.DataAnnotations;

namespace Orleans.Personalization.Runtime.Projections;

/// <summary>Settings of the projection runner (section "Projections").</summary>
public sealed class ProjectionOptions
{
    public const string SectionName = "Projections";

    /// <summary>Records read per batch.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 1000;

    /// <summary>How often partitions are looked at when no local append signals new work.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a failing batch waits before it is tried again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A batch with nothing for the projection moves its checkpoint in memory at once but in storage at most this
    /// often (a batch the projection handled always moves it in storage). After a restart or a hand-over the
    /// projection reads at most this much of such records again, and skips them again.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan IdleCheckpointInterval { get; set; } = TimeSpan.FromSeconds(5);
}
