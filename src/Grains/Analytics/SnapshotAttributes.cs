using Orleans.Personalization.Analytics;

namespace Orleans.Personalization.Grains.Analytics;

/// <summary>
/// Person-level breakdown values of one query, for resolved people. A trait comes from the person's own key,
/// else from the first of its merged keys (in ordinal order) that has it. A variant is the one of the person's
/// earliest exposure, as the experiment analysis counts it. Each trait or experiment is gathered once, when first asked.
/// </summary>
internal sealed class SnapshotAttributes(AnalyticsSnapshot snapshot, IdentityGraph identities) : IPersonAttributes
{
    private readonly Dictionary<string, Dictionary<string, string>> _traits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> _variants = new(StringComparer.Ordinal);

    public string? GetTrait(string personId, string trait)
    {
        if (!_traits.TryGetValue(trait, out var values))
        {
            values = GatherTrait(trait);
            _traits[trait] = values;
        }

        return values.GetValueOrDefault(personId);
    }

    public string? GetVariant(string personId, string experimentKey)
    {
        if (!_variants.TryGetValue(experimentKey, out var values))
        {
            values = GatherVariants(experimentKey);
            _variants[experimentKey] = values;
        }

        return values.GetValueOrDefault(personId);
    }

    private Dictionary<string, string> GatherTrait(string trait)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, traits) in snapshot.Traits ?? new Dictionary<string, IReadOnlyDictionary<string, string>>())
        {
            if (!traits.TryGetValue(trait, out var value))
            {
                continue;
            }

            var person = identities.Resolve(key);
            var owner = owners.GetValueOrDefault(person);
            var better = owner is null
                || (key == person && owner != person)
                || (owner != person && string.CompareOrdinal(key, owner) < 0);
            if (better)
            {
                values[person] = value;
                owners[person] = key;
            }
        }

        return values;
    }

    private Dictionary<string, string> GatherVariants(string experimentKey)
    {
        var first = new Dictionary<string, (long Ticks, string Variant)>(StringComparer.Ordinal);
        foreach (var e in snapshot.Events)
        {
            if (e.Name != AnalyticsEventNames.ExperimentViewed
                || !string.Equals(e.Properties.GetValueOrDefault("experiment_id"), experimentKey, StringComparison.OrdinalIgnoreCase)
                || e.Properties.GetValueOrDefault("variation_id") is not { } variant)
            {
                continue;
            }

            var person = identities.Resolve(e.PersonId);
            if (!first.TryGetValue(person, out var seen) || e.Timestamp.UtcTicks < seen.Ticks)
            {
                first[person] = (e.Timestamp.UtcTicks, variant);
            }
        }

        return first.ToDictionary(static p => p.Key, static p => p.Value.Variant, StringComparer.Ordinal);
    }
}
