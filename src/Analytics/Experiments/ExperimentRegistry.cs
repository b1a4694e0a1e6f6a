namespace Orleans.Personalization.Analytics.Experiments;

/// <summary>
/// The experiments of a store and every version of each. Changes are versioned, and a change that would
/// corrupt running results (removing a variant people are in, changing the control) is refused; re-weighting
/// and retargeting are allowed because the <see cref="AssignmentLedger"/> keeps everyone already assigned.
/// </summary>
public sealed class ExperimentRegistry
{
    private readonly Dictionary<string, List<ExperimentDefinition>> _versions = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<ExperimentDefinition> Current => _versions.Values.Select(v => v[^1]);

    public ExperimentDefinition? Find(string key) => _versions.TryGetValue(key, out var versions) ? versions[^1] : null;

    public IReadOnlyList<ExperimentDefinition> History(string key) =>
        _versions.TryGetValue(key, out var versions) ? versions.AsReadOnly() : [];

    /// <summary>Adds a new experiment at version 1; errors name the offending field.</summary>
    public IReadOnlyList<ValidationError> Add(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = definition.Validate().ToList();
        if (definition.Version != 1)
        {
            errors.Add(new ValidationError("version", $"A new experiment starts at version 1, got {definition.Version}."));
        }

        if (definition.Key is not null && _versions.ContainsKey(definition.Key))
        {
            errors.Add(new ValidationError("key", $"Duplicate experiment key '{definition.Key}'."));
        }

        if (errors.Count == 0)
        {
            _versions[definition.Key!] = [definition];
        }

        return errors;
    }

    /// <summary>Records the next version of an experiment if the change keeps running results sound.</summary>
    public IReadOnlyList<ValidationError> Revise(ExperimentDefinition proposed)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        var errors = proposed.Validate().ToList();
        if (proposed.Key is null || !_versions.TryGetValue(proposed.Key, out var versions))
        {
            errors.Add(new ValidationError("key", $"No experiment '{proposed.Key}' to revise."));
            return errors;
        }

        var current = versions[^1];
        if (proposed.Version != current.Version + 1)
        {
            errors.Add(new ValidationError("version", $"The next version of '{current.Key}' is {current.Version + 1}, got {proposed.Version}."));
        }

        if (proposed.Variants is { Count: > 0 } && proposed.Variants[0] is not null && proposed.ControlVariant != current.ControlVariant)
        {
            errors.Add(new ValidationError("control", $"The control of a running experiment cannot change from '{current.ControlVariant}'."));
        }

        for (var i = 0; i < current.Variants.Count && proposed.Variants is not null; i++)
        {
            var key = current.Variants[i].Key;
            if (!proposed.Variants.Any(v => v?.Key == key))
            {
                errors.Add(new ValidationError("variants", $"Variant '{key}' has shoppers assigned and cannot be removed; set its weight to 0 to stop new assignments."));
            }
        }

        if (errors.Count == 0)
        {
            versions.Add(proposed);
        }

        return errors;
    }
}
