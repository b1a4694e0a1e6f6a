using System.Text.Json;
using Orleans.Personalization.Analytics;
using Orleans.Personalization.Analytics.Experiments;
using Orleans.Personalization.Api.Analytics;
using Orleans.Personalization.Api.Triggers;
using Orleans.Personalization.Grains.Ingestion;
using Orleans.Personalization.Grains.Interfaces.Experiments;

namespace Orleans.Personalization.Api.Experiments;

/// <summary>
/// The body of POST /v1/experiments and PUT /v1/experiments/{key}. Shape errors are found here; the rules
/// (weights summing to 100, keys, limits, what a revision may change) are checked by the registry grain.
/// </summary>
internal static class ExperimentRequestParser
{
    private static readonly string[] Fields =
        ["key", "description", "variants", "control", "trafficPercent", "targeting", "conversionEvent", "conversionWindow", "guardrails", "version"];

    private static readonly string[] VariantFields = ["key", "weight", "recommendations", "triggers"];
    private static readonly string[] TriggerFields = ["enabled", "delay", "threshold", "inactiveDays"];

    public static ExperimentSpec? Parse(JsonElement body, string? pathKey, int? nextVersion, List<FieldError> errors)
    {
        var read = new JsonObjectReader(errors);
        read.RejectUnknown(body, "", Fields, $"is not a field of an experiment; known: {string.Join(", ", Fields)}");
        var key = read.String(body, "key", "");
        if (pathKey is not null && key is not null && !string.Equals(key, pathKey, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new FieldError("key", $"must be '{pathKey}' as in the path, or left out"));
        }

        var (variants, overrides) = Variants(body, read);
        var window = default(TimeSpan?);
        if (JsonObjectReader.Member(body, "conversionWindow") is { } windowValue)
        {
            window = DurationText.TryParse(windowValue, out var parsed) ? parsed : Fail<TimeSpan?>(errors, "conversionWindow", DurationText.Hint);
        }

        var version = read.Int(body, "version", "");
        if (version is not null && nextVersion is not null && version != nextVersion)
        {
            errors.Add(new FieldError("version", $"the next version is {nextVersion}, got {version}: the experiment changed since you read it"));
        }

        var definition = new ExperimentDefinition(key ?? pathKey ?? "", variants)
        {
            Version = nextVersion ?? 1,
            Control = read.String(body, "control", ""),
            TrafficPercent = read.Number(body, "trafficPercent", "") ?? 100,
            Targeting = FilterJson.Parse(body, "targeting", "", errors) ?? [],
        };
        var spec = new ExperimentSpec
        {
            Definition = definition,
            Description = read.String(body, "description", ""),
            ConversionEvent = read.String(body, "conversionEvent", "") ?? ExperimentSpec.DefaultConversionEvent,
            ConversionWindow = window,
            Guardrails = Guardrails(body, read),
            Overrides = overrides,
        };
        return errors.Count > 0 ? null : spec;
    }

    private static (List<ExperimentVariant> Variants, List<VariantOverrides> Overrides) Variants(JsonElement body, JsonObjectReader read)
    {
        var variants = new List<ExperimentVariant>();
        var overrides = new List<VariantOverrides>();
        if (JsonObjectReader.Member(body, "variants") is not { } value)
        {
            return (variants, overrides);
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            read.Errors.Add(new FieldError("variants", "must be an array of variants"));
            return (variants, overrides);
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = $"variants[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                read.Errors.Add(new FieldError(path, "must be an object with key and weight"));
                continue;
            }

            read.RejectUnknown(item, path, VariantFields, $"is not a field of a variant; known: {string.Join(", ", VariantFields)}");
            var key = read.String(item, "key", path) ?? "";
            variants.Add(new ExperimentVariant(key, read.Int(item, "weight", path) ?? 0));
            var recommendations = Recommendations(item, path, read);
            var triggers = Triggers(item, path, read);
            if (recommendations is not null || triggers is not null)
            {
                overrides.Add(new VariantOverrides(key) { Recommendations = recommendations, Triggers = triggers });
            }
        }

        return (variants, overrides);
    }

    /// <summary>{"home": {"popular": 1}}: placement → strategy → weight.</summary>
    private static Dictionary<string, IReadOnlyDictionary<string, double>>? Recommendations(JsonElement variant, string path, JsonObjectReader read)
    {
        if (JsonObjectReader.Member(variant, "recommendations") is not { } value)
        {
            return null;
        }

        var at = $"{path}.recommendations";
        if (value.ValueKind != JsonValueKind.Object)
        {
            read.Errors.Add(new FieldError(at, "must be an object of placements, each an object of strategy weights"));
            return null;
        }

        var placements = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        foreach (var placement in value.EnumerateObject())
        {
            if (placement.Value.ValueKind != JsonValueKind.Object)
            {
                read.Errors.Add(new FieldError($"{at}.{placement.Name}", "must be an object of strategy weights, e.g. {\"popular\": 1}"));
                continue;
            }

            var weights = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var strategy in placement.Value.EnumerateObject())
            {
                weights[strategy.Name] = read.Number(placement.Value, strategy.Name, $"{at}.{placement.Name}") ?? 0;
            }

            placements[placement.Name] = weights;
        }

        return placements;
    }

    /// <summary>{"cartAbandonment": {"delay": "01:00:00"}}: trigger section → the fields it changes.</summary>
    private static Dictionary<string, TriggerOverride>? Triggers(JsonElement variant, string path, JsonObjectReader read)
    {
        if (JsonObjectReader.Member(variant, "triggers") is not { } value)
        {
            return null;
        }

        var at = $"{path}.triggers";
        if (value.ValueKind != JsonValueKind.Object)
        {
            read.Errors.Add(new FieldError(at, "must be an object of trigger sections, e.g. {\"cartAbandonment\": {\"delay\": \"01:00:00\"}}"));
            return null;
        }

        var sections = new Dictionary<string, TriggerOverride>(StringComparer.Ordinal);
        foreach (var section in value.EnumerateObject())
        {
            var sectionPath = $"{at}.{section.Name}";
            if (section.Value.ValueKind != JsonValueKind.Object)
            {
                read.Errors.Add(new FieldError(sectionPath, "must be an object"));
                continue;
            }

            read.RejectUnknown(section.Value, sectionPath, TriggerFields, $"is not a trigger setting a variant can change; known: {string.Join(", ", TriggerFields)}");
            sections[section.Name] = new TriggerOverride(
                read.Bool(section.Value, "enabled", sectionPath),
                read.Duration(section.Value, "delay", sectionPath),
                read.Number(section.Value, "threshold", sectionPath),
                read.Int(section.Value, "inactiveDays", sectionPath));
        }

        return sections;
    }

    private static List<Guardrail> Guardrails(JsonElement body, JsonObjectReader read)
    {
        var guardrails = new List<Guardrail>();
        if (JsonObjectReader.Member(body, "guardrails") is not { } value)
        {
            return guardrails;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            read.Errors.Add(new FieldError("guardrails", "must be an array of guardrails"));
            return guardrails;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = $"guardrails[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                read.Errors.Add(new FieldError(path, "must be an object with event and failWhen"));
                continue;
            }

            read.RejectUnknown(item, path, ["event", "failWhen"], "is not a field of a guardrail; known: event, failWhen");
            var direction = GuardrailDirection.Decrease;
            if (read.String(item, "failWhen", path) is { } text)
            {
                var validation = new List<ValidationError>();
                if (!EnumField.TryParse(text, $"{path}.failWhen", validation, out direction))
                {
                    read.Errors.AddRange(validation.Select(static e => new FieldError(e.Field, e.Message)));
                }
            }

            guardrails.Add(new Guardrail(read.String(item, "event", path) ?? "", direction));
        }

        return guardrails;
    }

    private static T Fail<T>(List<FieldError> errors, string field, string message)
    {
        errors.Add(new FieldError(field, message));
        return default!;
    }
}
