namespace Orleans.Personalization.Analytics.Experiments;

/// <summary>A feature flag: on for targeted shoppers within a rollout share, with the same targeting as experiments.</summary>
public sealed record FeatureFlag(string Key, double RolloutPercent)
{
    public IReadOnlyList<PropertyFilter> Targeting { get; init; } = [];

    public IReadOnlyList<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        KeyRules.Validate(Key, "key", errors);
        KeyRules.ValidatePercent(RolloutPercent, "rolloutPercent", errors);
        KeyRules.ValidateTargeting(Targeting, errors);
        return errors;
    }

    /// <summary>
    /// Whether the flag is on for a shopper. Buckets are stable, so raising the rollout from 10% to 20%
    /// keeps the first 10% on and adds another 10%.
    /// </summary>
    public bool IsEnabledFor(string personId, IReadOnlyDictionary<string, string>? attributes) =>
        Experiments.Targeting.Matches(Targeting, attributes)
        && StableBucket.IsWithin(StableBucket.Of("flag", Key, personId), RolloutPercent);

    /// <summary>Validates a set of flags, including that no two share a key.</summary>
    public static IReadOnlyList<ValidationError> ValidateAll(IReadOnlyList<FeatureFlag> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var errors = new List<ValidationError>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < flags.Count; i++)
        {
            if (flags[i] is null)
            {
                errors.Add(new ValidationError($"flags[{i}]", "A flag is required."));
                continue;
            }

            errors.AddRange(flags[i].Validate().Select(e => e with { Field = $"flags[{i}].{e.Field}" }));
            if (flags[i].Key is { } key && !seen.Add(key))
            {
                errors.Add(new ValidationError($"flags[{i}].key", $"Duplicate flag key '{key}'."));
            }
        }

        return errors;
    }
}
