namespace Orleans.Personalization.Grains.Events;

/// <summary>
/// The shopper was served a variant of an experiment (Segment's "Experiment Viewed"). Journaled once per
/// experiment version: <see cref="AssignedVersion"/> is the version the variant was chosen under and never
/// changes for this shopper; <see cref="ExposedVersion"/> is the version in force when it was served.
/// </summary>
public sealed record ExperimentExposed : ShopperEvent
{
    public required string ExperimentKey { get; init; }

    public required string Variant { get; init; }

    public required int AssignedVersion { get; init; }

    public required int ExposedVersion { get; init; }

    /// <summary>When the variant was first chosen; an assignment carried over by a merge keeps its own time.</summary>
    public required DateTimeOffset AssignedAt { get; init; }

    /// <summary>What served it: the assignment API, recommendations or triggers.</summary>
    public string? Source { get; init; }
}
