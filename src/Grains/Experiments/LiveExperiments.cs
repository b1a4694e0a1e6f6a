using Orleans.Personalization.Grains.Interfaces.Experiments;

namespace Orleans.Personalization.Grains.Experiments;

/// <summary>A catalog prepared for the hot paths: the current version of each experiment, and which ones change recommendations or triggers.</summary>
public sealed class LiveExperiments
{
    private readonly Dictionary<string, ExperimentSpec[]> _byPlacement;

    public LiveExperiments(ExperimentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Catalog = catalog;
        Current = catalog.Experiments.Values.Select(static v => v[^1]).OrderBy(static e => e.Key, StringComparer.Ordinal).ToArray();
        _byPlacement = Current
            .SelectMany(e => e.Overrides.SelectMany(static o => o.Recommendations?.Keys ?? []).Distinct().Select(p => (Placement: p, Experiment: e)))
            .GroupBy(static x => x.Placement, StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, static g => g.Select(static x => x.Experiment).ToArray(), StringComparer.Ordinal);
        ChangingTriggers = Current.Where(static e => e.Overrides.Any(static o => o.Triggers is { Count: > 0 })).ToArray();
    }

    public ExperimentCatalog Catalog { get; }

    /// <summary>The latest version of every experiment, by key.</summary>
    public IReadOnlyList<ExperimentSpec> Current { get; }

    /// <summary>Experiments with a variant that changes trigger settings.</summary>
    public IReadOnlyList<ExperimentSpec> ChangingTriggers { get; }

    /// <summary>Experiments with a variant that changes the strategy weights of a placement.</summary>
    public IReadOnlyList<ExperimentSpec> ChangingPlacement(string placement) => _byPlacement.GetValueOrDefault(placement) ?? [];

    /// <summary>Every version of an experiment, oldest first; empty when unknown.</summary>
    public IReadOnlyList<ExperimentSpec> History(string key) => Catalog.Experiments.GetValueOrDefault(key.ToLowerInvariant()) ?? [];

    public IReadOnlyList<FlagSpec> FlagHistory(string key) => Catalog.Flags.GetValueOrDefault(key.ToLowerInvariant()) ?? [];

    public IEnumerable<FlagSpec> CurrentFlags => Catalog.Flags.Values.Select(static v => v[^1]).OrderBy(static f => f.Flag.Key, StringComparer.Ordinal);
}
