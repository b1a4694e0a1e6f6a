using Orleans.Personalization.Analytics;
using Orleans.Personalization.Grains.Ingestion;

namespace Orleans.Personalization.Api.Analytics;

/// <summary>
/// A breakdown as requests write it: "device", "utm_source", "utm_medium", "utm_campaign", "trait:{name}",
/// "variant:{experiment key}" or "property:{event property}".
/// </summary>
internal static class BreakdownText
{
    public const string Hint = "must be device, utm_source, utm_medium, utm_campaign, trait:{name}, variant:{experiment key} or property:{name}";

    public static Breakdown? Parse(string? text, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? text : text[..colon];
        var key = colon < 0 ? null : text[(colon + 1)..];
        Breakdown? breakdown = (kind.ToLowerInvariant(), key) switch
        {
            ("device", null) => new Breakdown(BreakdownKind.Device),
            ("utm_source", null) => new Breakdown(BreakdownKind.UtmSource),
            ("utm_medium", null) => new Breakdown(BreakdownKind.UtmMedium),
            ("utm_campaign", null) => new Breakdown(BreakdownKind.UtmCampaign),
            ("trait", { Length: > 0 }) => Breakdown.ByTrait(key),
            ("variant" or "experiment", { Length: > 0 }) => Breakdown.ByVariant(key),
            ("property", { Length: > 0 }) => Breakdown.ByProperty(key),
            _ => null,
        };
        if (breakdown is null)
        {
            errors.Add(new FieldError(field, $"'{text}' {Hint}"));
        }

        return breakdown;
    }
}
