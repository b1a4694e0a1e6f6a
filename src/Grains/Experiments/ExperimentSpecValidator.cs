using Orleans.Personalization.Analytics;
using Orleans.Personalization.Grains.Interfaces.Experiments;
using Orleans.Personalization.Grains.Recommendations.Ranking;

namespace Orleans.Personalization.Grains.Experiments;

/// <summary>Checks an experiment version before it is stored; each error names its field as the API spells it.</summary>
public static class ExperimentSpecValidator
{
    public const int MaxGuardrails = 10;
    public const int MaxEventNameLength = 200;
    public static readonly TimeSpan MaxConversionWindow = TimeSpan.FromDays(365);

    public static IReadOnlyList<ValidationError> Validate(ExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Definition is null)
        {
            return [new ValidationError("variants", "An experiment needs a key and variants.")];
        }

        var errors = spec.Definition.Validate().ToList();
        ValidateEvent(spec.ConversionEvent, "conversionEvent", errors);
        if (spec.ConversionWindow is { } window && (window <= TimeSpan.Zero || window > MaxConversionWindow))
        {
            errors.Add(new ValidationError("conversionWindow", $"Must be longer than zero and at most {MaxConversionWindow.TotalDays} days, got {window}."));
        }

        if (spec.Guardrails.Count > MaxGuardrails)
        {
            errors.Add(new ValidationError("guardrails", $"At most {MaxGuardrails} guardrails, got {spec.Guardrails.Count}."));
        }

        for (var i = 0; i < spec.Guardrails.Count; i++)
        {
            ValidateEvent(spec.Guardrails[i].Event, $"guardrails[{i}].event", errors);
        }

        var variants = (spec.Definition.Variants ?? []).Where(v => v is not null).Select(v => v.Key).ToList();
        foreach (var overrides in spec.Overrides)
        {
            var index = variants.IndexOf(overrides.Variant);
            if (index < 0)
            {
                errors.Add(new ValidationError("variants", $"Overrides name variant '{overrides.Variant}', which is not one of the variants."));
                continue;
            }

            ValidateRecommendations(overrides, $"variants[{index}].recommendations", errors);
            TriggerOverrides.Validate(overrides.Triggers, $"variants[{index}].triggers", errors);
        }

        return errors;
    }

    private static void ValidateEvent(string? name, string field, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new ValidationError(field, "An event name is required."));
        }
        else if (name.Length > MaxEventNameLength)
        {
            errors.Add(new ValidationError(field, $"An event name has at most {MaxEventNameLength} characters."));
        }
    }

    private static void ValidateRecommendations(VariantOverrides overrides, string path, List<ValidationError> errors)
    {
        foreach (var (placement, weights) in overrides.Recommendations ?? new Dictionary<string, IReadOnlyDictionary<string, double>>())
        {
            var at = $"{path}.{placement}";
            if (!PlacementNames.TryParse(placement, out _))
            {
                errors.Add(new ValidationError(at, $"Not a placement; use one of {string.Join(", ", PlacementNames.All)}."));
                continue;
            }

            foreach (var (strategy, weight) in weights)
            {
                if (!StrategyNames.TryParse(strategy, out var known) || known is RecommendationStrategy.Pinned or RecommendationStrategy.Search)
                {
                    errors.Add(new ValidationError($"{at}.{strategy}", "Not a strategy; use co-view, co-cart, co-purchase, session-knn, category-trending, trending or popular."));
                }
                else if (!(weight >= 0) || double.IsInfinity(weight))
                {
                    errors.Add(new ValidationError($"{at}.{strategy}", "A weight is a number, zero or more."));
                }
            }

            if (!weights.Values.Any(static w => w > 0))
            {
                errors.Add(new ValidationError(at, "At least one strategy needs a weight above zero."));
            }
        }
    }
}
