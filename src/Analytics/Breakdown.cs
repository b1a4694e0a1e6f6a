namespace Orleans.Personalization.Analytics;

/// <summary>A breakdown dimension; <paramref name="Key"/> names the property, trait or experiment where the kind needs one.</summary>
public sealed record Breakdown(BreakdownKind Kind, string? Key = null)
{
    /// <summary>The group for events or people without a value.</summary>
    public const string NoValue = "(none)";

    public static Breakdown ByTrait(string trait) => new(BreakdownKind.Trait, trait);

    public static Breakdown ByVariant(string experimentKey) => new(BreakdownKind.ExperimentVariant, experimentKey);

    public static Breakdown ByProperty(string property) => new(BreakdownKind.EventProperty, property);

    /// <summary>True when the value belongs to the person rather than to an event or session.</summary>
    internal bool IsPersonLevel => Kind is BreakdownKind.Trait or BreakdownKind.ExperimentVariant;

    internal IEnumerable<ValidationError> Validate(string path)
    {
        if (!Enum.IsDefined(Kind))
        {
            yield return new ValidationError($"{path}.kind", $"Unknown breakdown kind '{(int)Kind}'.");
        }
        else if (Kind is BreakdownKind.EventProperty or BreakdownKind.Trait or BreakdownKind.ExperimentVariant
                 && string.IsNullOrWhiteSpace(Key))
        {
            yield return new ValidationError($"{path}.key", $"Breakdown by {Kind} needs a key.");
        }
    }

    /// <summary>The value of an event-level breakdown on one event, or null when the event does not carry it.</summary>
    internal string? ValueOf(AnalyticsEvent analyticsEvent) => Kind switch
    {
        BreakdownKind.EventProperty => analyticsEvent.Properties.GetValueOrDefault(Key!),
        BreakdownKind.UtmSource => analyticsEvent.Source?.Source,
        BreakdownKind.UtmMedium => analyticsEvent.Source?.Medium,
        BreakdownKind.UtmCampaign => analyticsEvent.Source?.Campaign,
        BreakdownKind.Device => analyticsEvent.Device,
        _ => null,
    };

    /// <summary>The value of a person-level breakdown.</summary>
    internal string? ValueOf(string personId, IPersonAttributes? attributes) => Kind switch
    {
        BreakdownKind.Trait => attributes?.GetTrait(personId, Key!),
        BreakdownKind.ExperimentVariant => attributes?.GetVariant(personId, Key!),
        _ => null,
    };
}
