using System.Text.Json.Serialization;
using Orleans.Personalization.Analytics.Experiments;

namespace Orleans.Personalization.Grains.Interfaces.Experiments;

/// <summary>
/// One version of an experiment as the store defined it: the assignment rules (<see cref="Definition"/>:
/// variants, weights, traffic, targeting, version), what counts as a conversion, the guardrails, and what
/// each variant changes in the personalization itself.
/// </summary>
public sealed record ExperimentSpec
{
    public const string DefaultConversionEvent = "Order Completed";

    public required ExperimentDefinition Definition { get; init; }

    public string? Description { get; init; }

    /// <summary>The primary metric: the share of exposed shoppers who do this event after their first exposure.</summary>
    public string ConversionEvent { get; init; } = DefaultConversionEvent;

    /// <summary>Only conversions within this time of the first exposure count; null counts all later ones.</summary>
    public TimeSpan? ConversionWindow { get; init; }

    public IReadOnlyList<Guardrail> Guardrails { get; init; } = [];

    /// <summary>Per variant: recommendation weights and trigger settings it uses instead of the configured ones.</summary>
    public IReadOnlyList<VariantOverrides> Overrides { get; init; } = [];

    public DateTimeOffset UpdatedAt { get; init; }

    [JsonIgnore]
    public string Key => Definition.Key;

    [JsonIgnore]
    public int Version => Definition.Version;

    /// <summary>The overrides of a variant, or null when it changes nothing.</summary>
    public VariantOverrides? OverridesFor(string variant) =>
        Overrides.FirstOrDefault(o => string.Equals(o.Variant, variant, StringComparison.Ordinal));
}
