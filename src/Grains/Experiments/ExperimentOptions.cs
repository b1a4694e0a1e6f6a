using System.ComponentModel.DataAnnotations;

namespace Orleans.Personalization.Grains.Experiments;

/// <summary>Settings of experiments and flags in the silo (section "Experiments").</summary>
public sealed class ExperimentOptions
{
    public const string SectionName = "Experiments";

    /// <summary>How long a silo uses its copy of the definitions before reading them again (a change made on this silo applies at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often running experiments are checked for a sample-ratio mismatch or a failing guardrail.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan AlertCheckInterval { get; set; } = TimeSpan.FromMinutes(5);
}
