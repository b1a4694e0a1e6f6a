using Orleans.Personalization.Analytics.Experiments;
using Orleans.Personalization.Runtime;

namespace Orleans.Personalization.Grains.Interfaces.Experiments;

/// <summary>
/// The store's experiments and feature flags with every version of each (one grain, key "default"),
/// event-sourced so that a definition never changes without a new version on record.
/// </summary>
[GrainType("experiment-registry")]
public interface IExperimentRegistryGrain : IGrainWithStringKey
{
    /// <summary>Every experiment and flag with all their versions, and the alerts raised so far.</summary>
    Task<ExperimentCatalog> GetCatalogAsync();

    /// <summary>Adds an experiment at version 1, or answers why not (a duplicate key is a conflict).</summary>
    Task<RegistryChange<ExperimentSpec>> CreateExperimentAsync(ExperimentSpec spec);

    /// <summary>Records the next version of an experiment if the change keeps running results sound.</summary>
    Task<RegistryChange<ExperimentSpec>> ReviseExperimentAsync(ExperimentSpec spec);

    /// <summary>Adds a feature flag at version 1, or answers why not (a duplicate key is a conflict).</summary>
    Task<RegistryChange<FlagSpec>> CreateFlagAsync(FlagSpec spec);

    /// <summary>Records the next version of a feature flag.</summary>
    Task<RegistryChange<FlagSpec>> ReviseFlagAsync(FlagSpec spec);

    /// <summary>Records an alert once per id; true when it is new (it then goes to the trigger streams).</summary>
    Task<bool> RaiseAlertAsync(ExperimentAlert alert);
}
