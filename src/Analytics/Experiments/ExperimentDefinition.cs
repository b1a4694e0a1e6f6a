namespace Orleans.Personalization.Analytics.Experiments;

/// <summary>
/// One version of an experiment. A running experiment changes only through
/// <see cref="ExperimentRegistry.Revise"/>, which numbers versions and refuses changes that would corrupt results.
/// </summary>
public sealed record ExperimentDefinition(string Key, IReadOnlyList<ExperimentVariant> Variants)
{
    public const int MaxVariants = 20;
    public const int MaxKeyLength = 100;

    public int Version { get; init; } = 1;

    /// <summary>The variant others are compared with; the first variant when not set.</summary>
    public string? Control { get; init; }

    /// <summary>Share of eligible shoppers who enter the experiment at all, in percent.</summary>
    public double TrafficPercent { get; init; } = 100;

    /// <summary>Conditions on shopper attributes (traits and live profile fields such as loyaltyScore); all must hold.</summary>
    public IReadOnlyList<PropertyFilter> Targeting { get; init; } = [];

    public string ControlVariant => Control ?? Variants[0].Key;

    public IReadOnlyList<ValidationError> Validate() => ExperimentDefinitionValidator.Validate(this);
}
