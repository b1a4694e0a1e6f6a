using System.ComponentModel.DataAnnotations;

namespace Orleans.Personalization.Grains.Triggers;

/// <summary>Settings of trigger evaluation in the silo (section "Triggers").</summary>
public sealed class TriggerOptions
{
    public const string SectionName = "Triggers";

    /// <summary>How long a silo uses its copy of the trigger settings before reading them again (a change made on this silo applies at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan SettingsRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);
}
