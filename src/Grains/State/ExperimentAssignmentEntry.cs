namespace Orleans.Personalization.Grains.State;

/// <summary>One experiment's variant for the shopper, the version it was chosen under, and the latest version it was served in.</summary>
public sealed class ExperimentAssignmentEntry
{
    public string Variant { get; set; } = "";

    public int AssignedVersion { get; set; }

    /// <summary>Unix ms.</summary>
    public long AssignedAt { get; set; }

    public int ExposedVersion { get; set; }
}
