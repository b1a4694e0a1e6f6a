namespace Orleans.Personalization.Grains.Interfaces.Experiments;

/// <summary>
/// Every experiment and flag with all versions (oldest first), keyed by lower-case key, and the alerts raised.
/// <see cref="Version"/> grows with every change, so caches can tell a newer copy.
/// </summary>
public sealed record ExperimentCatalog(
    long Version,
    IReadOnlyDictionary<string, IReadOnlyList<ExperimentSpec>> Experiments,
    IReadOnlyDictionary<string, IReadOnlyList<FlagSpec>> Flags,
    IReadOnlyList<ExperimentAlert> Alerts)
{
    public static ExperimentCatalog Empty { get; } = new(0, new Dictionary<string, IReadOnlyList<ExperimentSpec>>(), new Dictionary<string, IReadOnlyList<FlagSpec>>(), []);
}
