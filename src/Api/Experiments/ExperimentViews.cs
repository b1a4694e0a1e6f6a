using Orleans.Personalization.Api.Analytics;
using Orleans.Personalization.Grains.Interfaces.Experiments;

namespace Orleans.Personalization.Api.Experiments;

/// <summary>Experiments and flags as answers show them: the request's shape, with version and time of the change.</summary>
internal static class ExperimentViews
{
    public static object Experiment(ExperimentSpec spec, IReadOnlyList<ExperimentSpec>? history = null, IEnumerable<ExperimentAlert>? alerts = null) => new
    {
        key = spec.Key,
        version = spec.Version,
        description = spec.Description,
        control = spec.Definition.ControlVariant,
        trafficPercent = spec.Definition.TrafficPercent,
        variants = spec.Definition.Variants.Select(v => new
        {
            key = v.Key,
            weight = v.Weight,
            recommendations = spec.OverridesFor(v.Key)?.Recommendations,
            triggers = spec.OverridesFor(v.Key)?.Triggers,
        }),
        targeting = spec.Definition.Targeting.Select(FilterJson.View),
        conversionEvent = spec.ConversionEvent,
        conversionWindow = spec.ConversionWindow,
        guardrails = spec.Guardrails,
        updatedAt = spec.UpdatedAt,
        versions = history?.Select(static h => new { version = h.Version, updatedAt = h.UpdatedAt, weights = h.Definition.Variants.ToDictionary(static v => v.Key, static v => v.Weight) }),
        alerts = alerts?.Where(a => string.Equals(a.ExperimentKey, spec.Key, StringComparison.OrdinalIgnoreCase)),
    };

    public static object Flag(FlagSpec spec) => new
    {
        key = spec.Flag.Key,
        version = spec.Version,
        description = spec.Description,
        rolloutPercent = spec.Flag.RolloutPercent,
        targeting = spec.Flag.Targeting.Select(FilterJson.View),
        updatedAt = spec.UpdatedAt,
    };
}
