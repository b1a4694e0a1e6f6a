using Orleans.Personalization.Grains.Events;

namespace Orleans.Personalization.Grains.State;

/// <summary>
/// The shopper's experiment variants, folded from its exposures (merged anonymous history included), so an
/// assignment outlives restarts, re-weighting and identity merges. When a merge brings a different variant
/// for the same experiment, the earlier assignment stays (the shopper saw it first), as AssignmentLedger does.
/// </summary>
public sealed class ExperimentAssignments
{
    /// <summary>By lower-case experiment key.</summary>
    public Dictionary<string, ExperimentAssignmentEntry> ByExperiment { get; set; } = new(StringComparer.Ordinal);

    public ExperimentAssignmentEntry? Find(string experimentKey) =>
        ByExperiment.GetValueOrDefault(experimentKey.ToLowerInvariant());

    public void Apply(ExperimentExposed exposed)
    {
        var key = exposed.ExperimentKey.ToLowerInvariant();
        var assignedAt = exposed.AssignedAt.ToUnixTimeMilliseconds();
        if (!ByExperiment.TryGetValue(key, out var current))
        {
            ByExperiment[key] = new ExperimentAssignmentEntry
            {
                Variant = exposed.Variant,
                AssignedVersion = exposed.AssignedVersion,
                AssignedAt = assignedAt,
                ExposedVersion = exposed.ExposedVersion,
            };
            return;
        }

        if (current.Variant != exposed.Variant && assignedAt < current.AssignedAt)
        {
            current.Variant = exposed.Variant;
            current.AssignedVersion = exposed.AssignedVersion;
            current.AssignedAt = assignedAt;
        }

        current.ExposedVersion = Math.Max(current.ExposedVersion, exposed.ExposedVersion);
    }
}
