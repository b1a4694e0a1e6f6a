using System.Text.Json.Serialization.Metadata;
using Orleans.Personalization.Analytics;
using Orleans.Personalization.Analytics.Experiments;
using Orleans.Personalization.Grains.Interfaces.Experiments;
using Orleans.Personalization.Runtime.EventSourcing;

namespace Orleans.Personalization.Grains.Experiments;

/// <summary>
/// The store's experiments and flags, event-sourced. Every change is a new whole version; the rules of
/// <see cref="ExperimentRegistry"/> refuse changes that would corrupt running results. Each change is published
/// to this silo's catalog cache at once.
/// </summary>
public sealed class ExperimentRegistryGrain(ExperimentCatalogCache cache)
    : JournaledGrain<ExperimentRegistryState, ExperimentRegistryEvent>, IExperimentRegistryGrain
{
    protected override JsonTypeInfo<ExperimentRegistryEvent> EventTypeInfo => ExperimentJsonContext.Default.ExperimentRegistryEvent;

    protected override JsonTypeInfo<ExperimentRegistryState> StateTypeInfo => ExperimentJsonContext.Default.ExperimentRegistryState;

    public Task<ExperimentCatalog> GetCatalogAsync() => Task.FromResult(Catalog());

    public async Task<RegistryChange<ExperimentSpec>> CreateExperimentAsync(ExperimentSpec spec)
    {
        var errors = ExperimentSpecValidator.Validate(spec).ToList();
        var duplicate = spec.Definition.Key is { } key && State.Experiments.ContainsKey(key.ToLowerInvariant());
        if (duplicate)
        {
            errors.Add(new ValidationError("key", $"An experiment with key '{spec.Definition.Key}' exists; change it with PUT /v1/experiments/{spec.Definition.Key}."));
        }
        else if (errors.Count == 0)
        {
            errors.AddRange(Registry().Add(spec.Definition));
        }

        return await RecordAsync(spec, errors, duplicate);
    }

    public async Task<RegistryChange<ExperimentSpec>> ReviseExperimentAsync(ExperimentSpec spec)
    {
        if (!State.Experiments.TryGetValue(spec.Key.ToLowerInvariant(), out var versions))
        {
            return new(null, [new ValidationError("key", $"No experiment '{spec.Key}'.")], NotFound: true);
        }

        var current = versions[^1];
        var stale = spec.Version != current.Version + 1;
        var errors = ExperimentSpecValidator.Validate(spec).ToList();
        if (errors.Count == 0)
        {
            // The key keeps the spelling it was created with: it is part of every shopper's hash.
            spec = spec with { Definition = spec.Definition with { Key = current.Key } };
            errors.AddRange(Registry().Revise(spec.Definition));
        }

        return await RecordAsync(spec, errors, stale);
    }

    public async Task<RegistryChange<FlagSpec>> CreateFlagAsync(FlagSpec spec)
    {
        var errors = spec.Flag.Validate().ToList();
        var duplicate = spec.Flag.Key is { } key && State.Flags.ContainsKey(key.ToLowerInvariant());
        if (duplicate)
        {
            errors.Add(new ValidationError("key", $"A flag with key '{spec.Flag.Key}' exists; change it with PUT /v1/flags/{spec.Flag.Key}."));
        }

        return await RecordAsync(spec with { Version = 1 }, errors, duplicate);
    }

    public async Task<RegistryChange<FlagSpec>> ReviseFlagAsync(FlagSpec spec)
    {
        if (!State.Flags.TryGetValue(spec.Flag.Key.ToLowerInvariant(), out var versions))
        {
            return new(null, [new ValidationError("key", $"No flag '{spec.Flag.Key}'.")], NotFound: true);
        }

        var current = versions[^1];
        var errors = spec.Flag.Validate().ToList();
        if (spec.Version != current.Version + 1)
        {
            errors.Add(new ValidationError("version", $"The next version of '{current.Flag.Key}' is {current.Version + 1}, got {spec.Version}."));
        }

        return await RecordAsync(spec with { Flag = spec.Flag with { Key = current.Flag.Key } }, errors, spec.Version != current.Version + 1);
    }

    public async Task<bool> RaiseAlertAsync(ExperimentAlert alert)
    {
        if (State.Alerts.Exists(a => a.Id == alert.Id))
        {
            return false;
        }

        RaiseEvent(new ExperimentAlertRaised { Timestamp = alert.DetectedAt, Alert = alert });
        await ConfirmEventsAsync();
        cache.Publish(Catalog());
        return true;
    }

    private async Task<RegistryChange<ExperimentSpec>> RecordAsync(ExperimentSpec spec, List<ValidationError> errors, bool conflict)
    {
        if (errors.Count > 0)
        {
            return new(null, errors, conflict);
        }

        var stored = spec with { UpdatedAt = TimeProvider.GetUtcNow() };
        RaiseEvent(new ExperimentVersionRecorded { Timestamp = stored.UpdatedAt, Spec = stored });
        await ConfirmEventsAsync();
        cache.Publish(Catalog());
        return new(stored, []);
    }

    private async Task<RegistryChange<FlagSpec>> RecordAsync(FlagSpec spec, List<ValidationError> errors, bool conflict)
    {
        if (errors.Count > 0)
        {
            return new(null, errors, conflict);
        }

        var stored = spec with { UpdatedAt = TimeProvider.GetUtcNow() };
        RaiseEvent(new FlagVersionRecorded { Timestamp = stored.UpdatedAt, Spec = stored });
        await ConfirmEventsAsync();
        cache.Publish(Catalog());
        return new(stored, []);
    }

    /// <summary>The library's registry, rebuilt from state, to apply its rules about what a revision may change.</summary>
    private ExperimentRegistry Registry()
    {
        var registry = new ExperimentRegistry();
        foreach (var versions in State.Experiments.Values)
        {
            registry.Add(versions[0].Definition);
            foreach (var next in versions.Skip(1))
            {
                registry.Revise(next.Definition);
            }
        }

        return registry;
    }

    private ExperimentCatalog Catalog() => new(
        Version,
        State.Experiments.ToDictionary(e => e.Key, e => (IReadOnlyList<ExperimentSpec>)e.Value.ToArray(), StringComparer.Ordinal),
        State.Flags.ToDictionary(f => f.Key, f => (IReadOnlyList<FlagSpec>)f.Value.ToArray(), StringComparer.Ordinal),
        State.Alerts.ToArray());
}
